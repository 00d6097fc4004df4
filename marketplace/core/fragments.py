"""Cached reads that every page shows (the category menu, the footer, the operator's details).

Each kind of content has a version number in the cache; a cached value's key holds the version
it was computed under, so bumping the version (`bump("cms")`) makes every copy stale at once, on
every web process sharing the cache (Redis when `REDIS_URL` is set). The saves that change the
content bump it (the search receivers for the catalogue, `cms/receivers.py` for pages and
settings), and a copy also expires after `FRAGMENT_CACHE_SECONDS` whatever happens.

Every bump also makes the whole pages cached for visitors stale (`PAGES`, read by
`marketplace/core/pagecache.py`): a page shows menus, cards, prices and stories, so whatever makes
one of those stale makes the pages stale too. Its version lives in the page cache itself (the
"pages" cache alias), so that the web processes and the worker share it even in the embedded
default, where that cache is a folder of files.

Only data the same for every visitor goes here: nothing about a basket, an account or a session.
"""

import time
from collections.abc import Callable
from typing import Any, TypeVar

from django.conf import settings
from django.core.cache import cache, caches
from django.utils import translation

PREFIX = "fragment"
PAGES = "pages"


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


def pages_version_key() -> str:
    """Where the pages' version is kept in the "pages" cache (read with a page in one round trip)."""
    return _version_key(PAGES)


def pages_version() -> int:
    """The version of every cached page (a number from the clock, set by `pages_stale`)."""
    pages = caches[PAGES]
    value = pages.get(_version_key(PAGES))
    if value is None:
        pages.add(_version_key(PAGES), time.time_ns() // 1000, timeout=None)
        value = pages.get(_version_key(PAGES))
    return value


def pages_stale() -> None:
    """Every cached page is stale from now on, and again once the transaction commits (a page
    rendered in between from the still-committed old data cannot stay cached)."""
    from django.db import transaction

    def bump_pages() -> None:
        # A new number from the clock, never an increment: no lost update between processes,
        # and a version evicted from the cache never comes back as an old number.
        caches[PAGES].set(_version_key(PAGES), time.time_ns() // 1000 + 1, timeout=None)

    bump_pages()
    transaction.on_commit(bump_pages)


def bump(*kinds: str) -> None:
    """Everything cached under these kinds, and every cached page, is stale from now on."""
    if kinds:
        pages_stale()
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
