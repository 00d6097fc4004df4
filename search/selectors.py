"""Reads: search results with facets, suggestions."""

import logging
from dataclasses import dataclass, field
from typing import Any

from django.db.models import (
    Case,
    IntegerField,
    OuterRef,
    Q,
    Subquery,
    When,
)
from django.urls import NoReverseMatch, reverse
from oscar.core.loading import get_model

from marketplace.catalogue.models import Product
from marketplace.catalogue.selectors import approved_stockrecord, on_sale_in_order
from marketplace.core import fragments
from marketplace.core.text import fold
from marketplace.partner.models import Area, Partner

from . import backends
from .query import PRICE_BANDS, FacetCount, SearchQuery
from .text import folded_words, words

Category = get_model("catalogue", "Category")
logger = logging.getLogger("search")


@dataclass
class ProductPage:
    products: list
    total: int
    facets: dict[str, list[FacetCount]] = field(default_factory=dict)
    backend: str = "database"


def product_results(query: SearchQuery) -> ProductPage:
    """One page of products for a query, with labelled facet counts."""
    results = backends.search(query)
    facets = label_facets(results.facets, query)
    return ProductPage(on_sale_in_order(results.ids), results.total, facets, results.backend)


def _price_label(key: str) -> str:
    from marketplace.core.money import format_vnd

    low, high = PRICE_BANDS[key]
    if low is None:
        return f"< {format_vnd(high)}"
    if high is None:
        return f"≥ {format_vnd(low)}"
    return f"{format_vnd(low)} – {format_vnd(high)}"


def label_facets(facets: dict[str, list[FacetCount]], query: SearchQuery) -> dict[str, list[FacetCount]]:
    """Names for the values (one query for categories, one for cooperatives) and what is selected."""
    from django.utils.translation import gettext as _

    for name, chosen_values in query.filters.items():  # a chosen value that matches nothing stays removable
        counts = facets.setdefault(name, [])
        present = {f.value for f in counts}
        counts.extend(FacetCount(value=value, count=0) for value in chosen_values if value not in present)
    category_ids = [
        int(f.value) for name in ("group", "subgroup") for f in facets.get(name, []) if not f.label
    ]
    coop_ids = [int(f.value) for f in facets.get("coop", []) if not f.label]
    names = {}
    if category_ids:
        names.update({("c", c.pk): c.name for c in Category.objects.filter(pk__in=category_ids)})
    if coop_ids:
        names.update({("p", p.pk): p.name for p in Partner.objects.filter(pk__in=coop_ids)})
    areas = dict(Area.choices)
    for name, counts in facets.items():
        chosen = set(query.filters.get(name, ()))
        for facet in counts:
            facet.selected = facet.value in chosen
            if facet.label:
                continue
            if name in ("group", "subgroup"):
                facet.label = names.get(("c", int(facet.value)), facet.value)
            elif name == "coop":
                facet.label = names.get(("p", int(facet.value)), facet.value)
            elif name == "area":
                facet.label = str(areas.get(facet.value, facet.value))
            elif name == "stars":
                facet.label = f"{facet.value}★"
            elif name == "price":
                facet.label = _price_label(facet.value)
            elif name == "stock":
                facet.label = _("Còn hàng")
        facets[name] = [f for f in counts if f.count or f.selected]
    return facets


# --- Other kinds of result: cooperatives, categories, stories ---------------------------


def _folded(text: str) -> str:
    return f" {' '.join(folded_words(text))} "


def _matching(text: str, candidates: list[tuple[int, str]]) -> list[int]:
    """The ids whose folded text has a word starting with every typed word, in the list's order."""
    typed = [f" {fold(word)}" for word in words(text)]
    return [pk for pk, folded in candidates if all(word in folded for word in typed)]


def cooperatives_matching(text: str, *, limit: int = 6) -> list:
    """Approved cooperatives whose name, short name or commune has words starting with every typed
    word, by name. Their folded names are cached (a saved cooperative makes them stale)."""
    if not words(text):
        return []

    def compute() -> list[tuple[int, str]]:
        cooperatives = Partner.objects.approved().order_by("name")
        return [(p.pk, _folded(f"{p.name} {p.short_name} {p.commune}")) for p in cooperatives]

    found = _matching(text, fragments.cached("partners", ("folded",), compute))[:limit]
    if not found:
        return []
    by_pk = Partner.objects.approved().in_bulk(found)
    return [by_pk[pk] for pk in found if pk in by_pk]


def categories_matching(text: str, *, limit: int = 5) -> list:
    """Public categories whose name has words starting with every typed word, in tree order.
    Their folded names are cached (a saved category makes them stale)."""
    if not words(text):
        return []

    def compute() -> list[tuple[int, str]]:
        categories = Category.objects.filter(is_public=True).order_by("path").values_list("pk", "name")
        return [(pk, _folded(name)) for pk, name in categories]

    found = _matching(text, fragments.cached("categories", ("folded",), compute))[:limit]
    if not found:
        return []
    by_pk = Category.objects.filter(is_public=True).in_bulk(found)
    return [by_pk[pk] for pk in found if pk in by_pk]


def stories_matching(text: str, *, limit: int = 5) -> list:
    """Published, public CMS stories in the current language whose title, lead (sa pô) or body
    has words starting with every typed word, accents ignored; title matches first, then newest.
    Always from the database (`search.models.StoryIndex`), whichever backend serves products."""
    typed = folded_words(text)[:8]
    if not typed:
        return []
    from wagtail.models import Locale

    from .models import StoryIndex
    from .sources import story_model

    model = story_model()
    if model is None:
        return []
    rows = StoryIndex.objects.all()
    for word in typed:
        rows = rows.filter(text__contains=f" {word}")
    in_title = Q()
    for word in typed:
        in_title &= Q(search_row_title__contains=f" {word}")
    locale_id = fragments.cached("cms", ("active-locale",), lambda: _active_locale_id(Locale))
    if locale_id is None:
        return []
    title = StoryIndex.objects.filter(page_id=OuterRef("pk")).values("title")[:1]
    stories = (
        model.objects.live()
        .public()
        .filter(locale_id=locale_id, pk__in=rows.values("page_id"))
        .annotate(search_row_title=Subquery(title))
        .annotate(title_match=Case(When(in_title, then=1), default=0, output_field=IntegerField()))
        .order_by("-title_match", "-first_published_at", "-pk")
    )
    return list(stories[:limit])


def _active_locale_id(Locale: Any) -> int | None:
    try:
        pk: int = Locale.get_active().pk
        return pk
    except Locale.DoesNotExist:
        return None


def cooperative_url(partner: Partner) -> str:
    try:
        return reverse("cooperatives:detail", kwargs={"slug": partner.code})
    except NoReverseMatch:
        return ""


def suggestions(text: str, *, limit: int = 5) -> dict[str, list[dict[str, str]]]:
    """What the search box's dropdown shows while typing."""
    if not words(text):
        return {"products": [], "cooperatives": [], "categories": []}
    ids = backends.suggest_product_ids(text, limit=limit)
    products = on_sale_in_order(ids)
    return {
        "products": [
            {"title": p.get_title(), "url": p.get_absolute_url(), "price": _card_price(p)} for p in products
        ],
        "cooperatives": [
            {"name": p.name, "url": cooperative_url(p), "area": str(p.get_area_display())}
            for p in cooperatives_matching(text, limit=3)
        ],
        "categories": [
            {"name": c.name, "url": c.get_absolute_url()} for c in categories_matching(text, limit=3)
        ],
    }


def _card_price(product: Product) -> str:
    from marketplace.core.money import format_vnd

    record = approved_stockrecord(product)
    return format_vnd(record.price) if record is not None and record.price is not None else ""


def _edit_distance(a: str, b: str) -> int:
    """Optimal string alignment distance: insertions, deletions, substitutions, swaps of neighbours."""
    rows = [list(range(len(b) + 1))]
    for i in range(1, len(a) + 1):
        row = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            row[j] = min(rows[i - 1][j] + 1, row[j - 1] + 1, rows[i - 1][j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                row[j] = min(row[j], rows[i - 2][j - 2] + 1)
        rows.append(row)
    return rows[-1][-1]


def did_you_mean(text: str) -> str:
    """For a query that found nothing: the same words with each one that starts no indexed word
    replaced by the nearest indexed word (at most two edits away), if that query finds products;
    otherwise ''. Shown as "Có phải bạn muốn tìm: …"."""
    from .models import SearchTerm

    typed = words(text)[:8]
    if not typed:
        return ""
    changed = False
    suggestion = []
    for word in typed:
        folded = fold(word)
        if len(folded) < 2 or SearchTerm.objects.filter(word__startswith=folded).exists():
            suggestion.append(word)
            continue
        band = SearchTerm.objects.filter(length__range=(max(len(folded) - 2, 1), len(folded) + 2))
        scored = sorted(
            (distance, candidate)
            for candidate in band.values_list("word", flat=True)
            if (distance := _edit_distance(folded, candidate)) <= 2
        )
        if not scored:
            return ""
        suggestion.append(scored[0][1])
        changed = True
    if not changed:
        return ""
    corrected = " ".join(suggestion)
    found = backends.search(SearchQuery(text=corrected, facets=False, limit=1))
    return corrected if found.total else ""
