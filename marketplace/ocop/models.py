"""OCOP certificates: a star rating granted to a cooperative's products for 36 months."""

from __future__ import annotations

from datetime import date
from typing import Any

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from marketplace.partner.storage import certificate_upload_to, private_storage

VALIDITY_MONTHS = 36
REMINDER_DAYS = 30


class Stars(models.IntegerChoices):
    THREE = 3, _("3 sao")
    FOUR = 4, _("4 sao")
    FIVE = 5, _("5 sao")


class Verification(models.TextChoices):
    PENDING = "pending", _("Chờ xác minh")
    VERIFIED = "verified", _("Đã xác minh")
    REJECTED = "rejected", _("Bị từ chối")


class CertificateQuerySet(models.QuerySet["Certificate"]):
    def valid(self, on: date | None = None) -> CertificateQuerySet:
        """Verified and not expired: the only certificates whose badge may be shown."""
        on = on or timezone.localdate()
        return self.filter(status=Verification.VERIFIED, expires_on__gte=on).order_by("-stars", "-signed_on")

    def expiring(self, on: date | None = None, days: int = REMINDER_DAYS) -> CertificateQuerySet:
        """Valid today, expiring within `days` days."""
        on = on or timezone.localdate()
        return self.valid(on).filter(expires_on__lte=on + relativedelta(days=days))


class Certificate(models.Model):
    partner = models.ForeignKey("partner.Partner", on_delete=models.CASCADE, related_name="ocop_certificates")
    products = models.ManyToManyField("catalogue.Product", related_name="ocop_certificates", blank=True)
    stars = models.PositiveSmallIntegerField(_("Hạng sao"), choices=Stars.choices)
    group_code = models.CharField(_("Nhóm/phân nhóm OCOP"), max_length=8, blank=True)
    decision_number = models.CharField(_("Số quyết định"), max_length=64)
    signed_on = models.DateField(_("Ngày ký"))
    expires_on = models.DateField(_("Ngày hết hạn"), editable=False)
    issuer = models.CharField(_("Cơ quan cấp"), max_length=255)
    status = models.CharField(
        _("Xác minh"), max_length=16, choices=Verification.choices, default=Verification.PENDING
    )
    scan = models.FileField(
        _("Bản chụp giấy chứng nhận (ảnh hoặc PDF)"),
        upload_to=certificate_upload_to,
        storage=private_storage,
        blank=True,
    )
    rejection_reason = models.TextField(_("Lý do từ chối"), blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    submitted_at = models.DateTimeField(_("Ngày gửi"), default=timezone.now)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    reviewed_at = models.DateTimeField(_("Ngày xác minh"), null=True, blank=True)

    objects = CertificateQuerySet.as_manager()

    class Meta:
        verbose_name = _("Giấy chứng nhận OCOP")
        verbose_name_plural = _("Giấy chứng nhận OCOP")
        ordering = ["-signed_on"]
        constraints = [
            models.CheckConstraint(condition=models.Q(stars__in=[3, 4, 5]), name="ocop_stars_3_4_or_5"),
        ]

    def __str__(self) -> str:
        return f"{self.decision_number} ({self.stars}★)"

    @property
    def group(self) -> str:
        """'I.3b' -> 'I'."""
        return self.group_code.split(".")[0] if self.group_code else ""

    @property
    def subgroup(self) -> str:
        """'I.3b' -> 'I.3b'; '' when only a group is known."""
        return self.group_code if "." in (self.group_code or "") else ""

    def is_valid_on(self, on: date | None = None) -> bool:
        on = on or timezone.localdate()
        return self.status == Verification.VERIFIED and self.expires_on >= on

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.expires_on = self.signed_on + relativedelta(months=VALIDITY_MONTHS)
        super().save(*args, **kwargs)
