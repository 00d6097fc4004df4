"""What is searchable about a product: one document, shared by every backend."""

from collections.abc import Iterable, Iterator
from typing import Any

from django.db.models import Prefetch, QuerySet
from oscar.core.loading import get_model

from marketplace.catalogue.models import Product
from marketplace.catalogue.selectors import approved_stockrecord
from marketplace.core.text import fold, nfc
from marketplace.partner.models import StockRecord

from .text import padded


def indexable_products() -> QuerySet[Product]:
    """Products with what a document needs, in a fixed number of queries."""
    from marketplace.ocop.models import Certificate

    products: QuerySet[Product] = Product.objects.select_related("parent").prefetch_related(
        Prefetch("stockrecords", queryset=StockRecord.objects.select_related("partner").order_by("pk")),
        "categories",
        Prefetch("ocop_certificates", queryset=Certificate.objects.valid(), to_attr="valid_certificates"),
    )
    return products


def category_tree() -> dict:
    """Every category by its treebeard path (one query), to find ancestors without more queries."""
    Category = get_model("catalogue", "Category")
    return {category.path: category for category in Category.objects.all()}


def _category_paths(product: Product, tree: dict[str, Any]) -> list[list[Any]]:
    steplen = product.categories.model.steplen
    paths = []
    for category in product.categories.all():
        prefixes = [category.path[:end] for end in range(steplen, len(category.path) + 1, steplen)]
        paths.append([tree.get(prefix, category) for prefix in prefixes])
    return paths


def product_document(product: Product, tree: dict[str, Any] | None = None) -> dict[str, Any]:
    """Every field search uses: text to match, and the values facets and sorting need.
    Pass `category_tree()` when building many documents."""
    record = approved_stockrecord(product) or next(iter(product.stockrecords.all()), None)
    partner = record.partner if record else None
    paths = _category_paths(product, tree if tree is not None else category_tree())
    certificates = getattr(product, "valid_certificates", [])
    return {
        "id": product.pk,
        "title": nfc(product.get_title()),
        "description": nfc(product.description or ""),
        "sku": product.upc or "",
        "cooperative": nfc(partner.name) if partner else "",
        "cooperative_short": nfc(partner.short_name) if partner else "",
        "cooperative_id": partner.pk if partner else None,
        "area": partner.area if partner else "",
        "area_label": str(partner.get_area_display()) if partner else "",
        "commune": nfc(partner.commune) if partner else "",
        "categories": [nfc(c.name) for path in paths for c in path],
        "category_ids": sorted({c.pk for path in paths for c in path}),
        "group_ids": sorted({path[0].pk for path in paths}),
        "subgroup_ids": sorted({path[1].pk for path in paths if len(path) > 1}),
        "stars": sorted({c.stars for c in certificates}),
        # The last day each rank is held (database backend only: its rows need no write at expiry).
        "stars_until": {
            str(stars): max(c.expires_on for c in certificates if c.stars == stars).isoformat()
            for stars in {c.stars for c in certificates}
        },
        "ocop_groups": sorted({c.group_code for c in certificates if c.group_code}),
        "price": int(record.price) if record and record.price is not None else None,
        "in_stock": bool(record and record.net_stock_level > 0),
        "rating": product.rating,
        "date_created": product.date_created.isoformat() if product.date_created else None,
    }


def document_text(document: dict) -> str:
    """Everything a shopper may type to find the product, as one string (title first)."""
    parts = [
        document["title"],
        document["sku"],
        document["cooperative"],
        document["cooperative_short"],
        document["area_label"],
        document["commune"],
        *document["categories"],
        document["description"],
    ]
    return " ".join(part for part in parts if part)


def _padded_ids(ids: Iterable[object]) -> str:
    return f" {' '.join(str(i) for i in ids)} "


def index_row(document: dict) -> dict:
    """The database backend's text row for this document: folded and exact, space padded."""
    from datetime import datetime

    text = document_text(document)
    created = document["date_created"]
    return {
        "title": fold(padded(document["title"])),
        "title_exact": padded(document["title"]),
        "text": fold(padded(text)),
        "text_exact": padded(text),
        "date_created": datetime.fromisoformat(created) if created else None,
    }


INDEX_ROW_FIELDS = ["title", "title_exact", "text", "text_exact", "date_created"]


def facet_row(document: dict) -> dict:
    """The database backend's narrow row: the values filters, facets and sorting read."""
    from datetime import date, datetime

    created = document["date_created"]
    until = document.get("stars_until", {})
    return {
        "cooperative_id": document["cooperative_id"],
        "area": document["area"],
        "price": document["price"],
        "in_stock": document["in_stock"],
        "date_created": datetime.fromisoformat(created) if created else None,
        "groups": _padded_ids(document["group_ids"]),
        "subgroups": _padded_ids(document["subgroup_ids"]),
        "categories": _padded_ids(document["category_ids"]),
        **{
            f"stars{stars}_until": date.fromisoformat(until[str(stars)]) if str(stars) in until else None
            for stars in (3, 4, 5)
        },
    }


FACET_ROW_FIELDS = [
    "cooperative_id",
    "area",
    "price",
    "in_stock",
    "date_created",
    "groups",
    "subgroups",
    "categories",
    "stars3_until",
    "stars4_until",
    "stars5_until",
]


# --- CMS stories ------------------------------------------------------------------------


def _stream_strings(value: object) -> Iterator[str]:
    """Every piece of text in a StreamField's raw data (rich text as HTML), skipping ids, links
    and block metadata."""
    if isinstance(value, str):
        if not value.startswith(("http://", "https://")):
            yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            if key not in ("type", "id"):
                yield from _stream_strings(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _stream_strings(item)


def story_text(story: Any) -> str:
    """A story's searchable text: title, lead (sa pô) and the words of its body."""
    from html import unescape

    from django.utils.html import strip_tags

    body = getattr(story, "body", None)
    raw = list(getattr(body, "raw_data", None) or [])
    body_text = " ".join(unescape(strip_tags(part)) for part in _stream_strings(raw))
    return " ".join(part for part in (story.title, getattr(story, "lead", ""), body_text) if part)


def story_row(story: Any) -> dict[str, str]:
    """The database row for a story (folded, space padded, like the products' rows)."""
    return {"title": fold(padded(story.title)), "text": fold(padded(story_text(story)))}
