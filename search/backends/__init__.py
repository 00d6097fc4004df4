"""The search backends behind one interface: `search(SearchQuery) -> SearchResults`.

The database is the embedded default; Elasticsearch is used when ELASTICSEARCH_URL is set, and
any failure there (refused, timed out, broken) falls back to the database, logged.
"""

import logging

from django.conf import settings

from ..query import SearchQuery, SearchResults
from . import database

logger = logging.getLogger("search")


def elasticsearch_enabled() -> bool:
    return bool(getattr(settings, "ELASTICSEARCH_URL", ""))


def search(query: SearchQuery) -> SearchResults:
    if elasticsearch_enabled():
        from . import elasticsearch

        try:
            return elasticsearch.search(query)
        except elasticsearch.SearchUnavailable as exc:
            logger.warning("Elasticsearch unavailable, searching the database instead: %s", exc)
    return database.search(query)


def suggest_product_ids(text: str, *, limit: int) -> list[int]:
    if elasticsearch_enabled():
        from . import elasticsearch

        try:
            return elasticsearch.suggest_product_ids(text, limit=limit)
        except elasticsearch.SearchUnavailable as exc:
            logger.warning("Elasticsearch unavailable, suggesting from the database instead: %s", exc)
    return database.suggest_product_ids(text, limit=limit)
