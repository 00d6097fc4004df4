"""Elasticsearch: the one module that talks to it. Requests are built with elasticsearch.dsl
(`request_body` is plain JSON), responses are parsed from plain JSON (`parse_response`), and
every failure becomes `SearchUnavailable`, on which callers fall back to the database.
"""

import logging
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache, partial
from typing import Any, TypeVar

from django.conf import settings
from elastic_transport import TransportError
from elasticsearch import ApiError, Elasticsearch
from elasticsearch.dsl import Q, Search
from elasticsearch.dsl.query import Query
from elasticsearch.helpers import BulkIndexError, bulk

from marketplace.core.text import nfc

from ..mappings import ALIAS, index_body, versioned_index_name
from ..query import FACETS, PRICE_BANDS, FacetCount, SearchQuery, SearchResults
from ..text import TYPO_MIN_LENGTH

T = TypeVar("T")

logger = logging.getLogger("search")

REQUEST_TIMEOUT = 0.8  # seconds: a search falls back to the database well within a second
REBUILD_TIMEOUT = 60
COOL_DOWN = 30  # seconds without trying Elasticsearch again after it failed
TEXT_FIELDS = [
    "title",
    "cooperative",
    "cooperative_short",
    "categories",
    "area_label",
    "commune",
    "description",
]
_state = {"down_until": 0.0}


class SearchUnavailable(Exception):
    """Elasticsearch refused, timed out, or answered with an error."""


@lru_cache(maxsize=4)
def client(timeout: float = REQUEST_TIMEOUT) -> Elasticsearch:
    return Elasticsearch(
        settings.ELASTICSEARCH_URL, request_timeout=timeout, max_retries=0, retry_on_timeout=False
    )


def reset() -> None:
    """Forget clients and the cool-down (tests, and after the URL changes)."""
    client.cache_clear()
    _state["down_until"] = 0.0


def _call(operation: Callable[[], T], *, cool_down: bool = True) -> T:
    """Run one request; with `cool_down`, skip it while Elasticsearch recently failed."""
    if cool_down and time.monotonic() < _state["down_until"]:
        raise SearchUnavailable("cooling down after a recent failure")
    try:
        return operation()
    except (TransportError, ApiError, BulkIndexError) as exc:
        _state["down_until"] = time.monotonic() + COOL_DOWN
        raise SearchUnavailable(f"{type(exc).__name__}: {exc}") from exc


# --- Requests ---------------------------------------------------------------------------


def _facet_filter(name: str, values: tuple[str, ...]) -> Query:
    if name == "price":
        ranges = []
        for key in values:
            low, high = PRICE_BANDS[key]
            bounds = {k: v for k, v in (("gte", low), ("lt", high)) if v is not None}
            ranges.append(Q("range", price=bounds))
        return Q("bool", should=ranges, minimum_should_match=1)
    if name == "stock":
        return Q("term", in_stock=True)
    field = {
        "group": "group_ids",
        "subgroup": "subgroup_ids",
        "area": "area",
        "coop": "cooperative_id",
        "stars": "stars",
    }[name]
    return Q("terms", **{field: list(values)})


def _filters(filters: dict) -> list[Query]:
    return [_facet_filter(name, values) for name, values in sorted(filters.items()) if values]


def _aggregation(name: str) -> dict:
    if name == "price":
        ranges = [
            {"key": key, **{k: v for k, v in (("from", low), ("to", high)) if v is not None}}
            for key, (low, high) in PRICE_BANDS.items()
        ]
        return {"range": {"field": "price", "ranges": ranges}}
    if name == "stock":
        return {"filter": {"term": {"in_stock": True}}}
    field, size = {
        "group": ("group_ids", 50),
        "subgroup": ("subgroup_ids", 200),
        "area": ("area", 10),
        "coop": ("cooperative_id", 30),
        "stars": ("stars", 5),
    }[name]
    return {"terms": {"field": field, "size": size}}


def _text_query(text: str) -> Query:
    """Every word must match the folded text (one typo, a swap of neighbours included, allowed in
    words of 4+ letters: AUTO:4,100 is 0 edits below 4 letters, 1 from 4 to 99);
    exact accents, title words and the title phrase add to the score."""
    return Q(
        "bool",
        must=[
            Q(
                "match",
                all_text={
                    "query": text,
                    "operator": "and",
                    "fuzziness": f"AUTO:{TYPO_MIN_LENGTH},100",
                    "prefix_length": 1,
                },
            )
        ],
        should=[
            Q("multi_match", query=text, fields=["title^4", "cooperative", "categories"], operator="and"),
            Q("match", **{"title.folded": {"query": text, "boost": 2}}),
            Q("match_phrase", **{"title.folded": {"query": text, "boost": 3}}),
        ],
    )


SORTS: dict[str, list[Any]] = {
    "relevance": ["_score", {"date_created": {"order": "desc"}}],
    "price-asc": [{"price": {"order": "asc", "missing": "_last"}}, {"date_created": {"order": "desc"}}],
    "price-desc": [{"price": {"order": "desc", "missing": "_last"}}, {"date_created": {"order": "desc"}}],
    "newest": [{"date_created": {"order": "desc"}}],
    "rating": [{"rating": {"order": "desc", "missing": "_last"}}, {"date_created": {"order": "desc"}}],
}


def build_search(query: SearchQuery) -> Search:
    search = Search(index=ALIAS).source(False).extra(track_total_hits=True)
    text = nfc(query.text).strip()
    if text:
        search = search.query(_text_query(text))
    if query.category_id:
        search = search.filter("term", category_ids=query.category_id)
    chosen = _filters(query.filters)
    if chosen:
        search = search.post_filter(Q("bool", filter=chosen))
    if query.facets:
        for name in FACETS:
            others = _filters(query.without(name))
            search.aggs.bucket(name, "filter", Q("bool", filter=others)).bucket(name, _aggregation(name))
    sort = query.sort if (query.sort != "relevance" or text) else "newest"
    search = search.sort(*SORTS.get(sort, SORTS["newest"]))
    return search[query.offset : query.offset + query.limit]


def request_body(query: SearchQuery) -> dict:
    return build_search(query).to_dict()


def suggest_body(text: str, *, limit: int) -> dict:
    text = nfc(text).strip()
    search = (
        Search(index=ALIAS)
        .source(False)
        .query(
            "bool",
            must=[Q("match", **{"title.suggest": {"query": text, "operator": "and"}})],
            should=[Q("match_phrase_prefix", title={"query": text, "boost": 2})],
        )
    )
    return search[:limit].to_dict()


# --- Responses --------------------------------------------------------------------------


def _facet_counts(name: str, aggregation: dict) -> list[FacetCount]:
    inner = aggregation[name]
    if name == "stock":
        return [FacetCount(value="1", count=inner["doc_count"])] if inner["doc_count"] else []
    buckets = inner["buckets"]
    return [FacetCount(value=str(b["key"]), count=b["doc_count"]) for b in buckets if b["doc_count"]]


def parse_response(body: dict) -> SearchResults:
    hits = body["hits"]
    aggregations = body.get("aggregations", {})
    return SearchResults(
        ids=[int(hit["_id"]) for hit in hits["hits"]],
        total=hits["total"]["value"],
        facets={name: _facet_counts(name, aggregations[name]) for name in FACETS if name in aggregations},
        backend="elasticsearch",
    )


def search(query: SearchQuery) -> SearchResults:
    body = request_body(query)
    return parse_response(_call(lambda: client().search(index=ALIAS, body=body).body))


def suggest_product_ids(text: str, *, limit: int) -> list[int]:
    body = suggest_body(text, limit=limit)
    response = _call(lambda: client().search(index=ALIAS, body=body).body)
    return [int(hit["_id"]) for hit in response["hits"]["hits"]]


# --- Writes -----------------------------------------------------------------------------


def _source(document: dict) -> dict:
    from ..documents import document_text

    source = {key: value for key, value in document.items() if key not in ("id", "stars_until")}
    source["all_text"] = document_text(document)
    return source


def documents_update(*, documents: list[dict], removed_ids: list[int]) -> None:
    """Index these documents and delete these ids, through the alias (so only a built index is written)."""
    actions = [{"_op_type": "index", "_id": d["id"], "_source": _source(d)} for d in documents]
    actions += [{"_op_type": "delete", "_id": product_id} for product_id in removed_ids]
    if actions:
        _call(lambda: bulk(client(), actions, index=ALIAS, require_alias=True, ignore_status=(404,)))


@dataclass
class RebuildSummary:
    index: str
    indexed: int
    removed_indexes: list[str]
    seconds: float


def index_rebuild(
    documents: Iterable[dict], *, stamp: str, progress: Callable[[int], None] | None = None
) -> RebuildSummary:
    """Build a new versioned index, then point the alias at it in one atomic step and drop the
    old ones: searches keep answering from the old index until the swap."""
    started = time.monotonic()
    es = client(REBUILD_TIMEOUT)
    name = versioned_index_name(stamp)
    body = index_body()

    def actions() -> Iterator[dict[str, Any]]:
        for done, document in enumerate(documents, start=1):
            yield {"_op_type": "index", "_index": name, "_id": document["id"], "_source": _source(document)}
            if progress:
                progress(done)

    def build() -> int:
        es.indices.create(index=name, settings=body["settings"], mappings=body["mappings"])
        indexed, __ = bulk(es, actions(), chunk_size=500)
        es.indices.refresh(index=name)
        return indexed

    indexed = _call(build, cool_down=False)  # an operator's rebuild always tries
    old = _call(lambda: _alias_swap(es, name), cool_down=False)
    for index in old:
        _call(partial(es.indices.delete, index=index), cool_down=False)
    return RebuildSummary(
        index=name, indexed=indexed, removed_indexes=old, seconds=time.monotonic() - started
    )


def _alias_swap(es: Elasticsearch, name: str) -> list[str]:
    actions = []
    old = []
    if es.indices.exists_alias(name=ALIAS):
        old = sorted(es.indices.get_alias(name=ALIAS).body)
        actions += [{"remove": {"index": index, "alias": ALIAS}} for index in old]
    elif es.indices.exists(index=ALIAS):  # a plain index squatting the alias's name
        actions.append({"remove_index": {"index": ALIAS}})
    actions.append({"add": {"index": name, "alias": ALIAS}})
    es.indices.update_aliases(actions=actions)
    return [index for index in old if index != name]
