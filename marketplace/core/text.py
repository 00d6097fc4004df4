"""Text helpers for Vietnamese: slugs and accent folding live here and only here."""

import unicodedata

from anyascii import anyascii
from django.utils.text import slugify as django_slugify


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text or "")


def fold(text: str) -> str:
    """Lower-case ASCII form used for accent-insensitive matching ("Đồng" -> "dong")."""
    decomposed = unicodedata.normalize("NFD", nfc(text).replace("đ", "d").replace("Đ", "D"))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return stripped.lower()


def slugify(value: str, allow_unicode: bool = False) -> str:  # noqa: ARG001 - Oscar passes it
    """Oscar's slug function: `Cơm cháy Đồng Nhất` -> `com-chay-dong-nhat`."""
    return django_slugify(anyascii(nfc(str(value))))
