"""{% suborder_payment_of suborder as payment %}: a sub-order's payment block (VietQR account, QR,
deadline) for the order page and the guest lookup."""

from django import template

from marketplace.order.selectors import SubOrderPayment, suborder_payment

register = template.Library()


@register.simple_tag
def suborder_payment_of(suborder) -> SubOrderPayment:
    return suborder_payment(suborder)
