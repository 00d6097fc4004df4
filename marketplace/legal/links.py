"""Where a version can be read. The pages live in the CMS, which sits above the domain: it registers
the one function that answers (cms/legal_versions.py) when it starts, and the domain asks here."""

from __future__ import annotations

from collections.abc import Callable

from .models import Version

_resolver: Callable[[Version], str | None] | None = None


def version_url_register(resolver: Callable[[Version], str | None]) -> None:
    global _resolver
    _resolver = resolver


def version_url(version: Version) -> str | None:
    return _resolver(version) if _resolver is not None else None
