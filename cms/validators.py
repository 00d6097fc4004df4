"""Links that editors type: only web addresses (http, https) and addresses on this site.

A link field that took any text would let an editor account (or whoever took it over) put a
`javascript:` address behind the home page's big button, which runs in every visitor's browser.
"""

from __future__ import annotations

import unicodedata
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext_lazy as _

MESSAGE = _(
    "Chỉ nhập địa chỉ web bắt đầu bằng https:// (hoặc http://), hoặc đường dẫn trong trang như /catalogue/."
)
_web_address = URLValidator(schemes=["http", "https"], message=MESSAGE)


def validate_link_url(value: str) -> None:
    text = (value or "").strip()
    if not text:
        return
    if any(ch.isspace() or unicodedata.category(ch).startswith("C") for ch in text):
        raise ValidationError(MESSAGE, code="invalid_link")
    parts = urlsplit(text)
    if parts.scheme:
        _web_address(text)  # http(s) only, with a real host
        return
    if text.startswith("//") or text.startswith("\\") or ":" in text.split("/", 1)[0]:
        # "//host" leaves the site without saying how, and a colon in the first segment is read by
        # browsers as a scheme ("javascript:…").
        raise ValidationError(MESSAGE, code="invalid_link")


def validate_web_address(value: str) -> None:
    """An absolute http(s) address (for fields that must point to another site)."""
    if value:
        _web_address(value)
