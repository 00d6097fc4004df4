"""What payments need to remember: Stripe PaymentIntents, each Stripe event id once, refunds (an
append-only log) and the flags that ask the alliance to look at an order.
(A cooperative's bank account for VietQR is on its Partner record: bank_bin, bank_account_number.)"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from marketplace.core.append_only import AppendOnly


class StripePayment(models.Model):
    """One PaymentIntent for the card sub-orders it covers (`suborders`, their totals summed into
    `amount`). An order gets a new intent when what it owes by card changes before payment."""

    order = models.ForeignKey("order.Order", on_delete=models.CASCADE, related_name="stripe_payments")
    suborders = models.ManyToManyField("order.SubOrder", related_name="stripe_payments", blank=True)
    intent_id = models.CharField(max_length=255, unique=True)
    client_secret = models.CharField(max_length=255, blank=True)
    amount = models.PositiveBigIntegerField()
    currency = models.CharField(max_length=3)
    status = models.CharField(max_length=32, default="requires_payment_method")
    last_event_created = models.BigIntegerField(default=0)
    succeeded_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["order_id", "pk"]

    def __str__(self) -> str:
        return self.intent_id


class StripeEvent(models.Model):
    """Each webhook event id, stored once: a duplicate delivery does nothing."""

    event_id = models.CharField(max_length=255, unique=True)
    type = models.CharField(max_length=64)
    received_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return self.event_id


class RefundStatus(models.TextChoices):
    REQUESTED = "requested", _("Đang gửi yêu cầu hoàn tiền")
    PENDING = "pending", _("Đang hoàn tiền")
    SUCCEEDED = "succeeded", _("Đã hoàn tiền")
    FAILED = "failed", _("Hoàn tiền không thành công")
    CANCELED = "canceled", _("Đã huỷ hoàn tiền")


class RefundReason(models.TextChoices):
    CANCELLED = "cancelled", _("Đơn bị huỷ")
    CHARGED_AFTER_CANCEL = "charged_after_cancel", _("Thanh toán đến sau khi đơn đã huỷ")
    PAID_TWICE = "paid_twice", _("Thanh toán hai lần")
    STRIPE_DASHBOARD = "stripe_dashboard", _("Hoàn tiền từ trang quản trị Stripe")
    RETURNED = "returned", _("Trả hàng, hoàn tiền")


class Refund(AppendOnly):
    """One step in the life of a refund. A refund is the rows that share `key`; its status is its
    newest row's. Our own refunds start with a `requested` row (written in the same transaction as
    the cancellation, with the outbox record that asks Stripe); Stripe's answers and webhooks add
    rows. A refund made in Stripe's dashboard is recorded from `charge.refunded`."""

    key = models.CharField(max_length=255, db_index=True)
    order = models.ForeignKey("order.Order", on_delete=models.PROTECT, related_name="refunds")
    suborder = models.ForeignKey(
        "order.SubOrder", on_delete=models.PROTECT, related_name="refunds", null=True, blank=True
    )
    payment = models.ForeignKey(
        StripePayment, on_delete=models.PROTECT, related_name="refunds", null=True, blank=True
    )
    stripe_refund_id = models.CharField(max_length=255, blank=True, db_index=True)
    amount = models.PositiveBigIntegerField(_("Số tiền (đồng)"))
    status = models.CharField(max_length=16, choices=RefundStatus.choices)
    reason = models.CharField(max_length=32, choices=RefundReason.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.CheckConstraint(condition=models.Q(amount__gt=0), name="refund_amount_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.key}: {self.status}"


class FlagKind(models.TextChoices):
    DISPUTE = "dispute", _("Khiếu nại thanh toán (dispute)")
    AMOUNT_MISMATCH = "amount_mismatch", _("Số tiền thanh toán không khớp")
    CURRENCY_MISMATCH = "currency_mismatch", _("Loại tiền thanh toán không khớp")
    UNMATCHED_REFUND = "unmatched_refund", _("Hoàn tiền không khớp đơn con nào")
    REFUND_FAILED = "refund_failed", _("Hoàn tiền không thành công")


class PaymentFlag(AppendOnly):
    """Something about an order's card payment that alliance staff must look at (shown on the
    dashboard's order page). Written once per Stripe event or problem."""

    key = models.CharField(max_length=255, unique=True)
    order = models.ForeignKey("order.Order", on_delete=models.PROTECT, related_name="payment_flags")
    kind = models.CharField(max_length=32, choices=FlagKind.choices)
    detail = models.CharField(max_length=500, blank=True)
    stripe_event_id = models.CharField(max_length=255, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.order_id}: {self.kind}"
