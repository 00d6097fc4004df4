"""Oscar's orders, plus one sub-order per cooperative: the unit a cooperative fulfils."""

from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from oscar.apps.order.abstract_models import AbstractOrder


class SubOrderStatus(models.TextChoices):
    NEW = "new", _("Mới")
    CONFIRMED = "confirmed", _("Đã xác nhận")
    PACKED = "packed", _("Đã đóng gói")
    SHIPPED = "shipped", _("Đang giao")
    DELIVERED = "delivered", _("Đã giao")
    COMPLETED = "completed", _("Hoàn tất")
    CANCELLED = "cancelled", _("Đã huỷ")


class OrderStatus(models.TextChoices):
    """The whole order's status, derived from its sub-orders (`order_status_sync`). Stored as the
    code; shown with `get_status_display` in the reader's language."""

    NEW = "new", _("Mới")
    PROCESSING = "processing", _("Đang xử lý")
    SHIPPED = "shipped", _("Đang giao")
    DELIVERED = "delivered", _("Đã giao")
    COMPLETED = "completed", _("Hoàn tất")
    CANCELLED = "cancelled", _("Đã huỷ")


class EventNote(models.TextChoices):
    """The fixed notes of a sub-order's timeline, stored as codes and translated on display (a
    label may take parameters from `SubOrderEvent.note_params`). What a person typed (a cancel
    reason) stays in `SubOrderEvent.note` as written."""

    PLACED = "placed", _("Đơn hàng đã được đặt.")
    BUYER_CANCELLED = "buyer_cancelled", _("Người mua đã huỷ đơn.")
    TRANSFER_RECEIVED = "transfer_received", _("Hợp tác xã đã nhận được tiền chuyển khoản.")
    CARD_PAID = "card_paid", _("Đã thanh toán bằng thẻ.")
    TRANSFER_EXPIRED = "transfer_expired", _("Quá 72 giờ chưa nhận được tiền chuyển khoản.")
    SHIPPED_WITH = "shipped_with", _("%(carrier)s, mã vận đơn %(code)s")
    CARD_REFUNDED = "card_refunded", _("Đã hoàn %(amount)s vào thẻ của bạn.")
    CARD_EXPIRED = "card_expired", _("Quá 24 giờ chưa thanh toán bằng thẻ.")
    CARD_INTENT_CANCELLED = (
        "card_intent_cancelled",
        _("Giao dịch thẻ đã bị huỷ, đơn không thể thanh toán nữa."),
    )
    CARD_DEPOSIT_PAID = (
        "card_deposit_paid",
        _("Đã đặt cọc %(amount)s bằng thẻ, còn %(rest)s trả khi nhận hàng."),
    )
    DEPOSIT_EXPIRED = "deposit_expired", _("Quá 72 giờ chưa nhận được tiền cọc.")


class CancelReason(models.TextChoices):
    """Cancel reasons given by the system rather than typed by a person (each has an `EventNote`
    of the same code for the timeline)."""

    BUYER_CANCELLED = "buyer_cancelled", _("Người mua huỷ")
    TRANSFER_EXPIRED = "transfer_expired", _("Quá 72 giờ chưa nhận được tiền chuyển khoản.")
    CARD_EXPIRED = "card_expired", _("Quá 24 giờ chưa thanh toán bằng thẻ.")
    CARD_INTENT_CANCELLED = (
        "card_intent_cancelled",
        _("Giao dịch thẻ đã bị huỷ, đơn không thể thanh toán nữa."),
    )
    DEPOSIT_EXPIRED = "deposit_expired", _("Quá 72 giờ chưa nhận được tiền cọc.")


def choice_label(choices: type[models.TextChoices], code: str) -> str:
    return str(choices(code).label) if code in choices.values else code


class Order(AbstractOrder):
    #: The language the buyer placed the order in: their emails about it are written in it.
    language = models.CharField(_("Ngôn ngữ"), max_length=8, default="vi", choices=settings.LANGUAGES)

    def get_status_display(self) -> str:
        """The status (a code, `OrderStatus`) in the reader's language."""
        return choice_label(OrderStatus, self.status)


class PaymentStatus(models.TextChoices):
    PENDING = "pending", _("Chưa thanh toán")
    PAID = "paid", _("Đã thanh toán")
    REFUNDED = "refunded", _("Đã hoàn tiền")
    VOID = "void", _("Không thu")


class SubOrder(models.Model):
    order = models.ForeignKey("order.Order", on_delete=models.CASCADE, related_name="suborders")
    partner = models.ForeignKey("partner.Partner", on_delete=models.PROTECT, related_name="suborders")
    number = models.CharField(_("Mã đơn con"), max_length=40, unique=True)
    status = models.CharField(
        _("Trạng thái"), max_length=16, choices=SubOrderStatus.choices, default=SubOrderStatus.NEW
    )
    payment_method = models.CharField(_("Cách thanh toán"), max_length=32)
    payment_status = models.CharField(
        _("Thanh toán"), max_length=16, choices=PaymentStatus.choices, default=PaymentStatus.PENDING
    )
    paid_at = models.DateTimeField(_("Thanh toán lúc"), null=True, blank=True)
    shipping_code = models.CharField(_("Cách giao"), max_length=16)
    shipping_label = models.CharField(_("Cách giao hàng"), max_length=128)
    shipping_detail = models.CharField(max_length=255, blank=True)
    shipping_charge = models.DecimalField(_("Phí giao hàng"), max_digits=12, decimal_places=0, default=0)
    lines_total = models.DecimalField(_("Tiền hàng"), max_digits=12, decimal_places=0, default=0)
    total = models.DecimalField(_("Tổng cộng"), max_digits=12, decimal_places=0, default=0)
    carrier = models.CharField(_("Đơn vị vận chuyển"), max_length=64, blank=True)
    tracking_code = models.CharField(_("Mã vận đơn"), max_length=64, blank=True)
    cancel_reason = models.CharField(_("Lý do huỷ"), max_length=255, blank=True)
    cancel_code = models.CharField(max_length=32, blank=True)  # CancelReason
    # The account the buyer transfers to, as it was when the order was placed: a later change of the
    # cooperative's account never redirects the money of an order already placed.
    payee_bank_bin = models.CharField(_("Ngân hàng nhận"), max_length=8, blank=True)
    payee_account_number = models.CharField(_("Số tài khoản nhận"), max_length=32, blank=True)
    payee_account_holder = models.CharField(_("Chủ tài khoản nhận"), max_length=128, blank=True)
    reminded_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["order_id", "pk"]
        verbose_name = _("Đơn hàng của hợp tác xã")
        verbose_name_plural = _("Đơn hàng của hợp tác xã")
        constraints = [models.UniqueConstraint(fields=["order", "partner"], name="suborder_one_per_partner")]

    def __str__(self) -> str:
        return self.number

    @property
    def lines(self) -> QuerySet[Any]:
        lines: QuerySet[Any] = self.order.lines.filter(partner_id=self.partner_id)
        return lines

    @property
    def is_open(self) -> bool:
        return self.status not in (SubOrderStatus.CANCELLED, SubOrderStatus.COMPLETED)

    @property
    def cancel_reason_text(self) -> str:
        """Why it was cancelled, in the reader's language when the system gave the reason."""
        return choice_label(CancelReason, self.cancel_code) if self.cancel_code else self.cancel_reason


class SubOrderEvent(models.Model):
    """One step of a sub-order's timeline, shown to the buyer."""

    suborder = models.ForeignKey(SubOrder, on_delete=models.CASCADE, related_name="events")
    status = models.CharField(max_length=16, choices=SubOrderStatus.choices, blank=True)
    note = models.CharField(max_length=255, blank=True)  # typed by a person (e.g. a cancel reason)
    note_code = models.CharField(max_length=32, blank=True)  # EventNote
    note_params = models.JSONField(default=dict, blank=True)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.suborder}: {self.status or self.note_code or self.note}"

    @property
    def note_text(self) -> str:
        """The note in the reader's language: the coded note (with its parameters), then what a
        person typed."""
        parts = []
        if self.note_code:
            label = choice_label(EventNote, self.note_code)
            parts.append(label % self.note_params if self.note_params else label)
        if self.note:
            parts.append(self.note)
        return " ".join(parts)


class InvoiceRequest(models.Model):
    """The buyer asked for a company e-invoice (each cooperative issues its own)."""

    order = models.OneToOneField("order.Order", on_delete=models.CASCADE, related_name="invoice_request")
    company_name = models.CharField(_("Tên công ty"), max_length=255)
    tax_code = models.CharField(_("Mã số thuế"), max_length=14)
    email = models.EmailField(_("Email nhận hoá đơn"))

    def __str__(self) -> str:
        return f"{self.company_name} ({self.tax_code})"


class OrderNumberCounter(models.Model):
    """SQLite's stand-in for PostgreSQL's order-number sequence (a conditional update)."""

    name = models.CharField(max_length=32, unique=True)
    value = models.BigIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.name}={self.value}"


from oscar.apps.order.models import *  # noqa: E402,F403
