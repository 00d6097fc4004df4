"""Cash on delivery: nothing is taken now; the cooperative collects the cash."""

from decimal import Decimal

from django.utils.translation import gettext_lazy as _

from .base import PaymentMethod, PaymentOutcome


class CashOnDelivery(PaymentMethod):
    code = "cod"
    label = _("Thanh toán khi nhận hàng (COD)")
    description = _("Bạn trả tiền mặt cho người giao hàng khi nhận hàng.")

    def take_payment(self, *, order_number: str, amount: Decimal, currency: str) -> PaymentOutcome:
        return PaymentOutcome(source_type=str(CashOnDelivery.label), amount_allocated=amount)
