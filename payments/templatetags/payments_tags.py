"""`{% order_refunds order as refunds %}` and `{% order_card_due order as due %}` for order pages."""

from django import template

from payments import selectors

register = template.Library()


@register.simple_tag
def order_refunds(order) -> list[selectors.RefundState]:
    return selectors.refunds_of_order(order)


@register.simple_tag
def order_card_due(order) -> selectors.CardDue:
    return selectors.card_due(order)


@register.simple_tag
def order_payment_flags(order) -> list:
    return selectors.payment_flags(order)
