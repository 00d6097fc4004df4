"""Writes to the search indexes: the database's own (always) and Elasticsearch's (when set)."""

import logging
from collections.abc import Callable, Iterable, Iterator
from datetime import datetime
from typing import Any

from django.db import connection, transaction

from marketplace.catalogue.models import Product
from marketplace.catalogue.selectors import is_on_sale
from marketplace.core import fragments
from marketplace.partner.models import StockRecord

from .backends import elasticsearch_enabled
from .documents import (
    FACET_ROW_FIELDS,
    INDEX_ROW_FIELDS,
    category_tree,
    facet_row,
    index_row,
    indexable_products,
    product_document,
    story_row,
)
from .models import ProductFacet, ProductIndex, SearchTerm, StoryIndex
from .sources import story_model

logger = logging.getLogger("search")

_PG_VECTOR = (
    "UPDATE search_productindex SET vector = "
    "setweight(to_tsvector('simple', unaccent(title_exact)), 'A') || "
    "setweight(to_tsvector('simple', unaccent(text_exact)), 'B') WHERE product_id = ANY(%s)"
)


def _words_of(rows: Iterable[dict]) -> set[str]:
    """The dictionary's words: letters only (numbers, SKUs and sizes are matched as typed, never
    corrected, and would only make every correction slower)."""
    return {word for row in rows for word in row["text"].split() if 1 < len(word) <= 64 and word.isalpha()}


def _save_rows(documents: list[dict]) -> None:
    """Upsert the database rows for these documents, their tsvectors and their words."""
    rows = {document["id"]: index_row(document) for document in documents}
    existing = {row.product_id: row for row in ProductIndex.objects.filter(product_id__in=rows)}
    new: list[ProductIndex] = []
    changed: list[ProductIndex] = []
    for product_id, values in rows.items():
        row = existing.get(product_id) or ProductIndex(product_id=product_id)
        for field, value in values.items():
            setattr(row, field, value)
        (changed if product_id in existing else new).append(row)
    ProductIndex.objects.bulk_create(new)
    ProductIndex.objects.bulk_update(changed, INDEX_ROW_FIELDS)
    facets = {document["id"]: facet_row(document) for document in documents}
    have = set(ProductFacet.objects.filter(product_id__in=facets).values_list("product_id", flat=True))
    ProductFacet.objects.bulk_create(
        [ProductFacet(product_id=pk, **values) for pk, values in facets.items() if pk not in have]
    )
    ProductFacet.objects.bulk_update(
        [ProductFacet(product_id=pk, **values) for pk, values in facets.items() if pk in have],
        FACET_ROW_FIELDS,
    )
    if connection.vendor == "postgresql" and rows:
        with connection.cursor() as cursor:
            cursor.execute(_PG_VECTOR, [list(rows)])
    words = _words_of(rows.values())
    SearchTerm.objects.bulk_create(
        [SearchTerm(word=word, length=len(word)) for word in sorted(words)], ignore_conflicts=True
    )


def database_rows_update(*, product_ids: Iterable[int]) -> tuple[list[dict], set[int]]:
    """Rewrite the database index rows of these products (drop those no longer on sale).
    Returns their documents and the hidden ids. Runs inside the caller's transaction."""
    product_ids = list(product_ids)
    products = list(indexable_products().filter(pk__in=product_ids))
    tree = category_tree()
    documents = [product_document(p, tree) for p in products if is_on_sale(p)]
    hidden = set(product_ids) - {d["id"] for d in documents}
    with transaction.atomic():
        ProductIndex.objects.filter(product_id__in=hidden).delete()
        ProductFacet.objects.filter(product_id__in=hidden).delete()
        _save_rows(documents)
        # What pages cache about these products (structured data) is stale from now on, whichever
        # change brought them here: a save's receiver in its transaction, then its after-commit task
        # (so a page rendered before the commit cannot stay cached), or a task after a stock UPDATE.
        # The catalogue's cached counts ("search", `database._catalogue_facets`) too.
        fragments.bump("search", *(fragments.product_kind(pk) for pk in product_ids))
    return documents, hidden


def products_reindex(*, product_ids: Iterable[int]) -> int:
    """Bring both indexes up to date for these products; gone or hidden products leave them.
    Safe to run twice. Returns how many products are searchable among them."""
    documents, hidden = database_rows_update(product_ids=product_ids)
    if elasticsearch_enabled():
        from .backends import elasticsearch

        elasticsearch.documents_update(documents=documents, removed_ids=sorted(hidden))
    return len(documents)


def product_index_update(*, product_id: int) -> None:
    products_reindex(product_ids=[product_id])


def partner_index_update(*, partner_id: int) -> None:
    """A cooperative changed (name, area, approval, suspension): re-index all its products."""
    ids = StockRecord.objects.filter(partner_id=partner_id).values_list("product_id", flat=True)
    products_reindex(product_ids=set(ids))


def _batches(ids: list[int], size: int) -> Iterator[list[int]]:
    for start in range(0, len(ids), size):
        yield ids[start : start + size]


def database_index_rebuild(*, progress: Callable[[int, int], None] | None = None, batch: int = 500) -> int:
    """Rebuild the database index from scratch. Returns how many products are searchable."""
    ids = list(Product.objects.order_by("pk").values_list("pk", flat=True))
    indexed = 0
    with transaction.atomic():
        ProductIndex.objects.exclude(product_id__in=ids).delete()
        ProductFacet.objects.exclude(product_id__in=ids).delete()
        for done, chunk in enumerate(_batches(ids, batch), start=1):
            documents, __ = database_rows_update(product_ids=chunk)
            indexed += len(documents)
            if progress:
                progress(min(done * batch, len(ids)), len(ids))
    return indexed


def searchable_documents(*, batch: int = 500) -> Iterator[dict[str, Any]]:
    """Every searchable product's document, batch by batch (for Elasticsearch rebuilds)."""
    ids = list(Product.objects.order_by("pk").values_list("pk", flat=True))
    for chunk in _batches(ids, batch):
        tree = category_tree()
        for product in indexable_products().filter(pk__in=chunk):
            if is_on_sale(product):
                yield product_document(product, tree)


def index_rebuild(*, progress: Callable[[int, int], None] | None = None) -> int:
    """Rebuild the database index (the demo loader and `search_index --rebuild` call this)."""
    indexed = database_index_rebuild(progress=progress)
    stories_index_rebuild()
    return indexed


# --- CMS stories (database only: Elasticsearch indexes products; stories are few) -------


def story_index_update(*, page_id: int) -> None:
    """Rewrite the row of this story from its live version, or drop it when it is not live.
    Safe to run twice."""
    model = story_model()
    story = model.objects.live().filter(pk=page_id).first() if model else None
    if story is None:
        StoryIndex.objects.filter(page_id=page_id).delete()
        return
    StoryIndex.objects.update_or_create(page_id=story.pk, defaults=story_row(story))


def stories_index_rebuild() -> int:
    """Rebuild every story's row. Returns how many live stories are indexed."""
    model = story_model()
    if model is None:
        return 0
    stories = list(model.objects.live())
    with transaction.atomic():
        StoryIndex.objects.exclude(page_id__in=[s.pk for s in stories]).delete()
        for story in stories:
            StoryIndex.objects.update_or_create(page_id=story.pk, defaults=story_row(story))
    return len(stories)


def database_searchable_count() -> int:
    return ProductIndex.objects.count()


def products_changed_since(moment: datetime) -> int:
    """Re-index products edited while a rebuild ran (their updates went to the old index)."""
    ids = list(Product.objects.filter(date_updated__gte=moment).values_list("pk", flat=True))
    if ids:
        products_reindex(product_ids=ids)
    return len(ids)
