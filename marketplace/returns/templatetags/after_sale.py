"""On the buyer's order page: each sub-order's returns, whether a return may be asked now, and its
conversation with the cooperative (a fixed number of queries per sub-order, however many steps)."""

from django import template
from django.conf import settings

from marketplace.messaging.models import Conversation, Side
from marketplace.returns import selectors

register = template.Library()


@register.simple_tag
def after_sale(suborder) -> dict:
    returns = selectors.returns_of_suborder(suborder)
    window = selectors.return_window(suborder, events=suborder.events.all(), returns=returns)
    conversation = Conversation.objects.filter(suborder=suborder).first()
    return {
        "returns": returns,
        "window": window,
        "days": settings.RETURNS_PERIOD_DAYS,
        "conversation": conversation,
        "unread": conversation.unread_for(Side.BUYER) if conversation else False,
    }


@register.simple_tag
def seller_after_sale(suborder) -> dict:
    """On the seller's order page: the sub-order's returns and its conversation with the buyer."""
    return {
        "returns": selectors.returns_of_suborder(suborder),
        "conversation": Conversation.objects.filter(suborder=suborder).first(),
    }
