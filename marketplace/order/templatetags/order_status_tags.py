"""Order statuses are stored as codes: show one in the reader's language."""

from django import template

from marketplace.order.models import OrderStatus, choice_label

register = template.Library()


@register.filter
def order_status_label(code: str) -> str:
    return choice_label(OrderStatus, code or "")
