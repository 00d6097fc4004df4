"""`{% order_refunds order as refunds %}` and `{% order_card_due order as due %}` for order pages."""

from django import template

from marketplace.order.models import Order
from payments import selectors
from payments.models import PaymentFlag

register = template.Library()


@register.simple_tag
def order_refunds(order: Order) -> list[selectors.RefundState]:
    return selectors.refunds_of_order(order)


@register.simple_tag
def order_card_due(order: Order) -> selectors.CardDue:
    return selectors.card_due(order)


@register.simple_tag
def order_payment_flags(order: Order) -> list[PaymentFlag]:
    return selectors.payment_flags(order)
