"""Cash on delivery: nothing is taken now; the cooperative collects the cash."""

from collections.abc import Sequence
from decimal import Decimal

from django.utils.translation import gettext_lazy as _

from marketplace.order.models import Order, SubOrder

from .base import PaymentMethod, PaymentOutcome


class CashOnDelivery(PaymentMethod):
    code = "cod"
    label = _("Thanh toán khi nhận hàng (COD)")
    description = _("Bạn trả tiền mặt cho người giao hàng khi nhận hàng.")

    def take_payment(self, *, order_number: str, amount: Decimal, currency: str) -> PaymentOutcome:
        return PaymentOutcome(source_type=str(CashOnDelivery.label), amount_allocated=amount)

    def order_placed(self, *, order: Order, suborders: Sequence[SubOrder]) -> None:
        """A pre-order with a deposit: the deposit transfer's reminder and cancel timers."""
        from marketplace.preorders.services import deposit_timers_add

        deposit_timers_add(suborders)
