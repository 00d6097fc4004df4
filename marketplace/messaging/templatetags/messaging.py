"""`{{ message.body|message_html }}`: a message as safe HTML. Everything typed is escaped; only web
addresses (http, https, www.) and Vietnamese phone numbers become links, line breaks become <br>."""

import re

from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe

from marketplace.core.phones import normalise_phone

register = template.Library()

# A web address runs to the next space or angle bracket; trailing punctuation stays text.
URL = r"(?:https?://|www\.)[^\s<>\"']+[^\s<>\"'.,;:!?)\]]"
PHONE = r"(?<![\d+])(?:\+84|0)(?:[\s.]?\d){9}(?![\d])"
REL = "nofollow noopener noreferrer ugc"
TOKEN = re.compile(f"(?P<url>{URL})|(?P<phone>{PHONE})", re.IGNORECASE)


def _link(match: re.Match) -> str:
    text = match.group(0)
    if match.group("url"):
        href = text if text.lower().startswith("http") else f"https://{text}"
        return f'<a href="{escape(href)}" rel="{REL}" target="_blank">{escape(text)}</a>'
    try:
        number = normalise_phone(text)
    except ValueError:
        return escape(text)
    return f'<a href="tel:{escape(number)}">{escape(text)}</a>'


@register.filter
def message_html(text: str) -> str:
    parts: list[str] = []
    last = 0
    for match in TOKEN.finditer(text or ""):
        parts.append(escape(text[last : match.start()]))
        parts.append(_link(match))
        last = match.end()
    parts.append(escape((text or "")[last:]))
    return mark_safe("".join(parts).replace("\n", "<br>"))  # noqa: S308 - every piece is escaped
