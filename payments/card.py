"""Card payment with Stripe, on the platform's account, for the order's open card sub-orders.

Nothing is taken at checkout: the order is placed, the buyer pays on the payment page (Stripe's
Payment Element) exactly what is still owed by card, and the webhook (the source of truth) marks
those sub-orders paid. See docs/checkout-and-payments.md."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from marketplace.order.models import Order, SubOrder

from . import services, stripe_gateway
from .base import PaymentMethod, PaymentOutcome
from .models import RefundReason


class StripeCard(PaymentMethod):
    code = "stripe"
    label = _("Thẻ ngân hàng quốc tế (Visa, Mastercard)")
    description = _(
        "Thanh toán bằng thẻ qua Stripe, một cổng thanh toán an toàn. Với hàng đặt trước có đặt cọc, "
        "thẻ chỉ trả tiền cọc, phần còn lại bạn trả khi nhận hàng."
    )
    per_cooperative = False

    def is_configured(self) -> bool:
        return stripe_gateway.is_configured()

    def take_payment(self, *, order_number: str, amount: Decimal, currency: str) -> PaymentOutcome:
        return PaymentOutcome(source_type="Stripe", amount_allocated=Decimal("0"), reference="")

    def next_url(self, order: Order) -> str:
        return reverse("payments:card", kwargs={"number": order.number})

    def order_placed(self, *, order: Order, suborders: Sequence[SubOrder]) -> None:
        services.card_timers_add(order)

    def cancelled_after_payment(self, suborder: SubOrder) -> None:
        services.refund_request(suborder=suborder, reason=RefundReason.CANCELLED)

    refunds_by_transfer = False

    def return_refund_request(self, *, suborder: SubOrder, amount: int, key: str) -> bool:
        return services.return_refund_request(suborder=suborder, amount=amount, key=key) is not None
