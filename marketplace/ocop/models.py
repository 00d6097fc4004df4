"""OCOP certificates: a star rating granted to a cooperative's products for 36 months."""

from datetime import date

from dateutil.relativedelta import relativedelta
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

VALIDITY_MONTHS = 36


class Stars(models.IntegerChoices):
    THREE = 3, _("3 sao")
    FOUR = 4, _("4 sao")
    FIVE = 5, _("5 sao")


class Verification(models.TextChoices):
    PENDING = "pending", _("Chờ xác minh")
    VERIFIED = "verified", _("Đã xác minh")
    REJECTED = "rejected", _("Bị từ chối")


class CertificateQuerySet(models.QuerySet):
    def valid(self, on: date | None = None):
        """Verified and not expired: the only certificates whose badge may be shown."""
        on = on or timezone.localdate()
        return self.filter(status=Verification.VERIFIED, expires_on__gte=on).order_by("-stars", "-signed_on")


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

    objects = CertificateQuerySet.as_manager()

    class Meta:
        verbose_name = _("Giấy chứng nhận OCOP")
        verbose_name_plural = _("Giấy chứng nhận OCOP")
        ordering = ["-signed_on"]

    def __str__(self) -> str:
        return f"{self.decision_number} ({self.stars}★)"

    def save(self, *args, **kwargs):
        self.expires_on = self.signed_on + relativedelta(months=VALIDITY_MONTHS)
        super().save(*args, **kwargs)
