"""{% suborder_payment_of suborder as payment %}: a sub-order's payment block (VietQR account, QR,
deadline) for the order page and the guest lookup."""

from django import template

from marketplace.order.models import SubOrder
from marketplace.order.selectors import suborder_payment
from payments.base import SubOrderPayment

register = template.Library()


@register.simple_tag
def suborder_payment_of(suborder: SubOrder) -> SubOrderPayment:
    return suborder_payment(suborder)
