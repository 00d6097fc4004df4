"""Reading free-text query parameters safely.

A value from the address bar can be anything: NUL characters (PostgreSQL refuses them in a query,
a server error), other control characters, or megabytes of text. Filters that take text from the
URL read it through `text_param`, which treats such a value as not given.
"""

from __future__ import annotations

import unicodedata

from django.http import HttpRequest

MAX_PARAM_LENGTH = 100


def clean_text(value: str | None, *, max_length: int = MAX_PARAM_LENGTH) -> str:
    """The value stripped; "" when it is too long or holds control characters (NUL among them)."""
    text = (value or "").strip()
    if len(text) > max_length or any(unicodedata.category(ch) in ("Cc", "Cs") for ch in text):
        return ""
    return text


def text_param(request: HttpRequest, name: str, *, max_length: int = MAX_PARAM_LENGTH) -> str:
    return clean_text(request.GET.get(name), max_length=max_length)
