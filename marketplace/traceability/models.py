"""Batches (lots) of a cooperative's product: where and when they were made, the steps they went
through, the certificates that apply, the stock left, the order lines shipped from them, and a
recall."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

#: A batch code as it goes into a QR code and a GS1 Digital Link (AI 10: at most 20 characters).
CODE_PATTERN = r"^[A-Z0-9][A-Z0-9._-]{0,19}$"


class Batch(models.Model):
    partner = models.ForeignKey("partner.Partner", on_delete=models.CASCADE, related_name="batches")
    product = models.ForeignKey("catalogue.Product", on_delete=models.PROTECT, related_name="batches")
    code = models.CharField(_("Mã lô"), max_length=20, unique=True)
    produced_on = models.DateField(_("Ngày sản xuất hoặc thu hoạch"))
    best_before = models.DateField(_("Hạn sử dụng"), null=True, blank=True)
    quantity = models.PositiveIntegerField(_("Số lượng của lô"))
    remaining = models.PositiveIntegerField(_("Số lượng còn"))
    origin_province = models.CharField(_("Tỉnh/thành phố"), max_length=64, blank=True)
    origin_commune = models.CharField(_("Xã/phường"), max_length=128, blank=True)
    origin_commune_code = models.CharField(max_length=5, blank=True)
    origin_place = models.CharField(_("Nơi sản xuất (trang trại, hộ thành viên)"), max_length=255, blank=True)
    recalled_at = models.DateTimeField(_("Ngày thu hồi"), null=True, blank=True)
    expired_at = models.DateTimeField(_("Ngày hết hạn, thôi bán"), null=True, blank=True)
    recall_message = models.TextField(_("Thông báo thu hồi"), blank=True)
    recalled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("Lô hàng")
        verbose_name_plural = _("Lô hàng")
        ordering = ["-produced_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(remaining__lte=models.F("quantity")), name="batch_remaining_le_quantity"
            ),
            models.CheckConstraint(
                condition=models.Q(best_before__isnull=True)
                | models.Q(best_before__gte=models.F("produced_on")),
                name="batch_best_before_after_production",
            ),
        ]
        indexes = [models.Index(fields=["product", "best_before"])]

    def __str__(self) -> str:
        return self.code

    @property
    def is_recalled(self) -> bool:
        return self.recalled_at is not None

    @property
    def is_expired(self) -> bool:
        return self.expired_at is not None

    @property
    def is_open(self) -> bool:
        """On sale: its units count in the product's stock (neither recalled nor expired)."""
        return self.recalled_at is None and self.expired_at is None


class StepKind(models.TextChoices):
    SOWING = "sowing", _("Gieo trồng")
    HARVEST = "harvest", _("Thu hoạch")
    PROCESSING = "processing", _("Chế biến")
    PACKING = "packing", _("Đóng gói")
    OTHER = "other", _("Khác")


class BatchStep(models.Model):
    batch = models.ForeignKey(Batch, on_delete=models.CASCADE, related_name="steps")
    kind = models.CharField(_("Công đoạn"), max_length=16, choices=StepKind.choices)
    happened_on = models.DateField(_("Ngày"))
    place = models.CharField(_("Địa điểm"), max_length=160)
    note = models.CharField(_("Ghi chú ngắn"), max_length=280, blank=True)
    photo = models.ImageField(
        _("Ảnh"),
        upload_to="traceability/steps/%Y/%m/",
        blank=True,
        width_field="photo_width",
        height_field="photo_height",
    )
    photo_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    photo_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("Công đoạn của lô")
        verbose_name_plural = _("Công đoạn của lô")
        ordering = ["happened_on", "pk"]

    def __str__(self) -> str:
        return f"{self.batch.code}: {self.get_kind_display()} {self.happened_on:%d/%m/%Y}"


class CertificateKind(models.TextChoices):
    OCOP = "ocop", _("OCOP")
    VIETGAP = "vietgap", _("VietGAP")
    ORGANIC = "organic", _("Hữu cơ")


class BatchCertificate(models.Model):
    """A certificate that applies to the batch. OCOP points at the cooperative's OCOP certificate
    (verified by the alliance); VietGAP and organic are declared by the cooperative with their
    number, issuer and end of validity."""

    batch = models.ForeignKey(Batch, on_delete=models.CASCADE, related_name="certificates")
    kind = models.CharField(_("Loại chứng nhận"), max_length=16, choices=CertificateKind.choices)
    ocop = models.ForeignKey(
        "ocop.Certificate", on_delete=models.PROTECT, null=True, blank=True, related_name="batch_links"
    )
    number = models.CharField(_("Số chứng nhận"), max_length=64, blank=True)
    issuer = models.CharField(_("Tổ chức cấp"), max_length=160, blank=True)
    valid_until = models.DateField(_("Hiệu lực đến"), null=True, blank=True)

    class Meta:
        verbose_name = _("Chứng nhận của lô")
        verbose_name_plural = _("Chứng nhận của lô")
        ordering = ["kind", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=(models.Q(kind="ocop") & models.Q(ocop__isnull=False))
                | (~models.Q(kind="ocop") & models.Q(ocop__isnull=True)),
                name="batch_certificate_ocop_link",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.number}"


class BatchLine(models.Model):
    """How many units of an order line were shipped from a batch (chosen when packing)."""

    batch = models.ForeignKey(Batch, on_delete=models.PROTECT, related_name="lines")
    line = models.ForeignKey("order.Line", on_delete=models.CASCADE, related_name="batch_lines")
    quantity = models.PositiveIntegerField()
    returned = models.PositiveIntegerField(default=0)  # sent back by the buyer, resellable, into the batch
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("Hàng xuất từ lô")
        verbose_name_plural = _("Hàng xuất từ lô")
        constraints = [
            models.UniqueConstraint(fields=["batch", "line"], name="batch_line_once"),
            models.CheckConstraint(
                condition=models.Q(returned__lte=models.F("quantity")), name="batch_line_returned_le_shipped"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.batch.code} × {self.quantity}"
