"""{% language order|recipient_language %}…{% endlanguage %}: an email in its recipient's language.

Emails are often rendered outside the recipient's own request (a Celery task, a cooperative's stock
update): the language comes from what we know about the recipient (the order's language, the user's
last language); when nothing is known, the language of the moment (the recipient's own request, e.g.
a password reset; Vietnamese in background tasks).
"""

from typing import Any

from django import template

from marketplace.notifications import services

register = template.Library()


@register.filter
def recipient_language(obj: Any) -> str:
    """The language for an email about `obj`: a user, an order, a sub-order or a product alert."""
    return services.recipient_language(obj)
