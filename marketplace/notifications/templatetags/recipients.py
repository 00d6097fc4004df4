"""{% language order|recipient_language %}…{% endlanguage %}: an email in its recipient's language.

Emails are often rendered outside the recipient's own request (a Celery task, a cooperative's stock
update): the language comes from what we know about the recipient (the order's language, the user's
last language); when nothing is known, the language of the moment (the recipient's own request, e.g.
a password reset; Vietnamese in background tasks).
"""

from typing import Any

from django import template
from django.conf import settings
from django.utils.translation import get_language

register = template.Library()


def _known(code: str | None) -> str:
    return code if code in dict(settings.LANGUAGES) else ""


@register.filter
def recipient_language(obj: Any) -> str:
    """The language for an email about `obj`: a user, an order, a sub-order or a product alert."""
    fallback = _known(get_language()) or settings.LANGUAGE_CODE
    if obj is None:
        return fallback
    suborder_order = getattr(obj, "order", None)
    if suborder_order is not None and hasattr(obj, "partner_id"):
        obj = suborder_order  # a sub-order: its order's buyer
    language = _known(getattr(obj, "language", None))  # an order, or a user
    if language:
        return language
    user = getattr(obj, "user", None)  # an order or an alert of a signed-in buyer
    language = _known(getattr(user, "language", None))
    return language or fallback
