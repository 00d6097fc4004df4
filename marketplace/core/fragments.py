"""Cached reads that every page shows (the category menu, the footer, the operator's details).

Each kind of content has a version number in the cache; a cached value's key holds the version
it was computed under, so bumping the version (`bump("cms")`) makes every copy stale at once, on
every web process sharing the cache (Redis when `REDIS_URL` is set). The saves that change the
content bump it (the search receivers for the catalogue, `cms/receivers.py` for pages and
settings), and a copy also expires after `FRAGMENT_CACHE_SECONDS` whatever happens.

Only data the same for every visitor goes here: nothing about a basket, an account or a session.
"""

import time
from collections.abc import Callable
from typing import Any, TypeVar

from django.conf import settings
from django.core.cache import cache
from django.utils import translation

PREFIX = "fragment"


def _version_key(kind: str) -> str:
    return f"{PREFIX}:{kind}:version"


def _version_seconds() -> int:
    """A version outlives every copy cached under it; then it may go (one per product adds up)."""
    return 2 * settings.FRAGMENT_CACHE_SECONDS


def version(kind: str) -> int:
    value = cache.get(_version_key(kind))
    if value is None:
        # Started from the clock, so a version lost from the cache never comes back as a number
        # that copies cached before the loss still carry.
        cache.add(_version_key(kind), time.time_ns() // 1000, timeout=_version_seconds())
        value = cache.get(_version_key(kind))
    return value


def bump(*kinds: str) -> None:
    """Everything cached under these kinds is stale from now on."""
    for kind in kinds:
        try:
            cache.incr(_version_key(kind))
            cache.touch(_version_key(kind), _version_seconds())
        except ValueError:  # never read yet, or evicted: a new number from the clock
            cache.set(_version_key(kind), time.time_ns() // 1000, timeout=_version_seconds())


def product_kind(product_id: int) -> str:
    """The kind of everything cached about one product (its card, its structured data)."""
    return f"product:{product_id}"


def bump_on_commit(*kinds: str) -> None:
    """Stale now, and again once the transaction commits (a page rendered in between from the
    still-committed old data cannot stay cached)."""
    from django.db import transaction

    bump(*kinds)
    transaction.on_commit(lambda: bump(*kinds))


def key(kind: str, *parts: Any) -> str:
    """A cache key for content of this kind in the active language, at its current version."""
    language = translation.get_language() or settings.LANGUAGE_CODE
    return ":".join([PREFIX, kind, str(version(kind)), language, *(str(part) for part in parts)])


T = TypeVar("T")


def cached(kind: str, parts: tuple[Any, ...], compute: Callable[[], T]) -> T:
    """The cached value for (kind, language, parts), computed on a miss."""
    cache_key = key(kind, *parts)
    value = cache.get(cache_key)
    if value is None:
        value = compute()
        cache.set(cache_key, value, timeout=settings.FRAGMENT_CACHE_SECONDS)
    return value
