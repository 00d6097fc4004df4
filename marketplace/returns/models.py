"""Returns and refunds of a delivered sub-order: the buyer's request (lines, reason, photos, note),
the cooperative's answer, the alliance's decision on an escalation, and the steps' timeline.

The money itself is recorded in payments.Refund (append-only), whichever the payment method."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from marketplace.partner.storage import private_storage


class ReturnStatus(models.TextChoices):
    REQUESTED = "requested", _("Chờ hợp tác xã trả lời")
    ACCEPTED = "accepted", _("Hợp tác xã đồng ý nhận lại hàng")
    REFUSED = "refused", _("Hợp tác xã từ chối")
    ESCALATED = "escalated", _("Chờ Liên minh HTX xem xét")
    TO_REFUND = "to_refund", _("Chờ hoàn tiền")
    REFUND_SENT = "refund_sent", _("Đang hoàn tiền")
    REFUNDED = "refunded", _("Đã hoàn tiền")
    CLOSED = "closed", _("Đã đóng")


OPEN_STATUSES = (
    ReturnStatus.REQUESTED,
    ReturnStatus.ACCEPTED,
    ReturnStatus.ESCALATED,
    ReturnStatus.TO_REFUND,
    ReturnStatus.REFUND_SENT,
)


class ReturnReason(models.TextChoices):
    DAMAGED = "damaged", _("Hàng bị vỡ, móp hoặc hỏng khi nhận")
    SPOILED = "spoiled", _("Hàng bị hư, ôi hoặc hết hạn")
    WRONG_ITEM = "wrong_item", _("Giao nhầm sản phẩm")
    MISSING = "missing", _("Thiếu hàng so với đơn")
    NOT_AS_DESCRIBED = "not_as_described", _("Không giống như mô tả")
    OTHER = "other", _("Lý do khác")


class ReturnStep(models.TextChoices):
    """The steps of a return's timeline, stored as codes and shown in the reader's language."""

    REQUESTED = "requested", _("Người mua yêu cầu trả hàng, hoàn tiền.")
    ACCEPTED = "accepted", _("Hợp tác xã đồng ý nhận lại hàng.")
    REFUND_ONLY = "refund_only", _("Hợp tác xã hoàn tiền, không cần gửi lại hàng.")
    REFUSED = "refused", _("Hợp tác xã từ chối yêu cầu.")
    ESCALATED = "escalated", _("Người mua nhờ Liên minh HTX xem xét.")
    ALLIANCE_FOR_BUYER = "alliance_for_buyer", _("Liên minh HTX quyết định hoàn tiền cho người mua.")
    ALLIANCE_RETURN = (
        "alliance_return",
        _("Liên minh HTX quyết định: người mua gửi lại hàng để được hoàn tiền."),
    )
    ALLIANCE_FOR_COOPERATIVE = "alliance_for_cooperative", _("Liên minh HTX giữ nguyên quyết định từ chối.")
    RECEIVED = "received", _("Hợp tác xã đã nhận lại hàng.")
    CARD_REFUND_REQUESTED = "card_refund_requested", _("Đã gửi lệnh hoàn %(amount)s về thẻ.")
    CARD_REFUNDED = "card_refunded", _("Đã hoàn %(amount)s về thẻ của người mua.")
    TRANSFER_SENT = "transfer_sent", _("Hợp tác xã đã chuyển khoản hoàn %(amount)s.")
    TRANSFER_CONFIRMED = "transfer_confirmed", _("Người mua xác nhận đã nhận %(amount)s tiền hoàn.")


class Side(models.TextChoices):
    BUYER = "buyer", _("Người mua")
    COOPERATIVE = "cooperative", _("Hợp tác xã")
    ALLIANCE = "alliance", _("Cán bộ Liên minh")
    SYSTEM = "system", _("Hệ thống")


def photo_upload_to(instance, filename: str) -> str:
    import uuid

    return f"returns/{uuid.uuid4().hex}.jpg"


class ReturnRequest(models.Model):
    suborder = models.ForeignKey("order.SubOrder", on_delete=models.PROTECT, related_name="returns")
    number = models.CharField(_("Mã yêu cầu"), max_length=48, unique=True)
    status = models.CharField(
        _("Trạng thái"), max_length=16, choices=ReturnStatus.choices, default=ReturnStatus.REQUESTED
    )
    reason = models.CharField(_("Lý do"), max_length=32, choices=ReturnReason.choices)
    note = models.TextField(_("Ghi chú của người mua"), max_length=1000, blank=True)
    #: False once the cooperative (or the alliance) refunds without asking for the goods back.
    with_return = models.BooleanField(default=True)
    instructions = models.TextField(_("Hướng dẫn gửi lại hàng"), max_length=1000, blank=True)
    refusal_reason = models.TextField(_("Lý do từ chối"), max_length=1000, blank=True)
    decision_note = models.TextField(_("Quyết định của Liên minh HTX"), max_length=1000, blank=True)
    #: Whole đồng: the returned lines at the price paid.
    refund_amount = models.PositiveBigIntegerField(_("Số tiền hoàn (đồng)"))
    # Where a transfer refund goes (VietQR and cash on delivery): given by the buyer.
    refund_bank = models.CharField(_("Ngân hàng nhận tiền hoàn"), max_length=64, blank=True)
    refund_account_number = models.CharField(_("Số tài khoản nhận tiền hoàn"), max_length=32, blank=True)
    refund_account_holder = models.CharField(_("Chủ tài khoản nhận tiền hoàn"), max_length=128, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("Yêu cầu trả hàng")
        verbose_name_plural = _("Yêu cầu trả hàng")
        indexes = [models.Index(fields=["status", "created_at"], name="return_status_created")]

    def __str__(self) -> str:
        return self.number

    @property
    def is_card(self) -> bool:
        """Refunded by the platform (a card payment), not by a transfer from the cooperative."""
        from payments.registry import method_for

        return not method_for(self.suborder.payment_method).refunds_by_transfer


class ReturnLine(models.Model):
    request = models.ForeignKey(ReturnRequest, on_delete=models.CASCADE, related_name="lines")
    line = models.ForeignKey("order.Line", on_delete=models.PROTECT, related_name="+")
    quantity = models.PositiveIntegerField(_("Số lượng trả"))
    #: Set when the cooperative receives the goods: resellable goods go back into stock.
    resellable = models.BooleanField(null=True, blank=True)

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return f"{self.request}: {self.line_id} × {self.quantity}"


class ReturnPhoto(models.Model):
    """A photo of the goods (checked and re-encoded as JPEG; private: served only to the two sides
    and alliance staff)."""

    request = models.ForeignKey(ReturnRequest, on_delete=models.CASCADE, related_name="photos")
    image = models.FileField(upload_to=photo_upload_to, storage=private_storage)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.image.name


class ReturnEvent(models.Model):
    """One step of a return, shown on both timelines and emailed to both sides."""

    request = models.ForeignKey(ReturnRequest, on_delete=models.CASCADE, related_name="events")
    step = models.CharField(max_length=32, choices=ReturnStep.choices)
    params = models.JSONField(default=dict, blank=True)
    note = models.TextField(max_length=1000, blank=True)  # typed by a person (instructions, a reason)
    side = models.CharField(max_length=16, choices=Side.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.request}: {self.step}"

    @property
    def text(self) -> str:
        label = str(ReturnStep(self.step).label) if self.step in ReturnStep.values else self.step
        return label % self.params if self.params else label
