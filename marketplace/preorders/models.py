"""Pre-orders: a cooperative offers a product before it exists (a harvest, a Tết gift box) for a
window of dates, delivered on a date or in a range, up to a cap, with an optional deposit.

A pre-order line holds no stock: the cap is counted on the offer (the live pre-order lines), so
current stock is never touched. Money is whole đồng; the deposit owed on a line is fixed when the
order is placed; a deposit received and a date moved are rows that are never changed."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from payments.models import AppendOnly


class DepositKind(models.TextChoices):
    NONE = "none", _("Không đặt cọc")
    PERCENT = "percent", _("Phần trăm giá")
    AMOUNT = "amount", _("Số tiền mỗi sản phẩm")


class PreorderOffer(models.Model):
    """One pre-order campaign of a product (a product has at most one; a new season edits it)."""

    product = models.OneToOneField("catalogue.Product", on_delete=models.CASCADE, related_name="preorder")
    partner = models.ForeignKey("partner.Partner", on_delete=models.CASCADE, related_name="preorder_offers")
    order_from = models.DateField(_("Nhận đặt từ ngày"))
    order_until = models.DateField(_("Nhận đặt đến hết ngày"))
    deliver_from = models.DateField(_("Giao từ ngày"))
    deliver_until = models.DateField(_("Giao đến ngày"))
    cap = models.PositiveIntegerField(_("Số suất tối đa"))
    deposit_kind = models.CharField(
        _("Đặt cọc"), max_length=16, choices=DepositKind.choices, default=DepositKind.NONE
    )
    deposit_value = models.PositiveIntegerField(_("Mức cọc"), default=0)  # percent, or đồng per unit
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("Đợt đặt trước")
        verbose_name_plural = _("Đợt đặt trước")
        ordering = ["deliver_from", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(order_until__gte=F("order_from")), name="preorder_window_order"
            ),
            models.CheckConstraint(
                condition=Q(deliver_until__gte=F("deliver_from")), name="preorder_delivery_order"
            ),
            models.CheckConstraint(condition=Q(cap__gte=1), name="preorder_cap_positive"),
            models.CheckConstraint(
                condition=~Q(deposit_kind="percent") | Q(deposit_value__gte=1, deposit_value__lte=100),
                name="preorder_deposit_percent",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.product_id}: {self.order_from}–{self.order_until}"


class PreorderLine(models.Model):
    """An order line placed as a pre-order: how many it holds of the offer's cap and the deposit it
    owes (whole đồng, fixed at placing). The order line's stock allocation is marked cancelled at
    placing, so stock is neither held nor consumed for it."""

    line = models.OneToOneField("order.Line", on_delete=models.CASCADE, related_name="preorder")
    offer = models.ForeignKey(PreorderOffer, on_delete=models.PROTECT, related_name="lines")
    quantity = models.PositiveIntegerField()
    deposit = models.PositiveBigIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return f"{self.offer_id} × {self.quantity}"


class DateChange(models.Model):
    """The cooperative moved the delivery dates of an offer: each buyer of a live pre-order is
    emailed once about it and may cancel."""

    offer = models.ForeignKey(PreorderOffer, on_delete=models.CASCADE, related_name="date_changes")
    old_from = models.DateField()
    old_until = models.DateField()
    new_from = models.DateField()
    new_until = models.DateField()
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.offer_id}: {self.old_from} → {self.new_from}"


class DepositReceipt(AppendOnly):
    """The cooperative saw a sub-order's deposit arrive in its account (a VietQR transfer)."""

    suborder = models.OneToOneField(
        "order.SubOrder", on_delete=models.PROTECT, related_name="deposit_receipt"
    )
    amount = models.PositiveBigIntegerField()
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"{self.suborder_id}: {self.amount}"
