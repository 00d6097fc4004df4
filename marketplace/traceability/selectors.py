"""Reads: a cooperative's batches, the public provenance page's batch (a fixed number of queries
however many steps it has), certificates' verification state, and the batch's public address."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import F, Prefetch, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from marketplace.notifications.services import site_url
from marketplace.ocop.models import Verification
from marketplace.partner.models import StockRecord

from .models import Batch, BatchCertificate, BatchStep, CertificateKind

ProductImage = get_model("catalogue", "ProductImage")


# --- A cooperative's batches -----------------------------------------------------------------------
def batches_of(partner) -> QuerySet[Batch]:
    """The cooperative's batches, newest first, with their product."""
    return Batch.objects.filter(partner=partner).select_related("product").order_by("-produced_on", "-pk")


def first_expiring(batches: QuerySet[Batch]) -> QuerySet[Batch]:
    """Those that may still ship (not recalled, not expired, units left), the one expiring first
    first."""
    return batches.filter(recalled_at__isnull=True, expired_at__isnull=True, remaining__gt=0).order_by(
        F("best_before").asc(nulls_last=True), "produced_on", "pk"
    )


# --- The public page ------------------------------------------------------------------------------
def batch_for_page(code: str) -> Batch | None:
    """The batch with everything its provenance page shows, in five queries."""
    return (
        Batch.objects.select_related("product", "partner")
        .prefetch_related(
            Prefetch("steps", queryset=BatchStep.objects.order_by("happened_on", "pk")),
            Prefetch("certificates", queryset=BatchCertificate.objects.select_related("ocop")),
            Prefetch("product__images", queryset=ProductImage.objects.order_by("display_order", "pk")),
            Prefetch("product__stockrecords", queryset=StockRecord.objects.select_related("partner")),
        )
        .filter(code=code.upper())
        .first()
    )


@dataclass(frozen=True)
class CertificateState:
    code: str  # valid, pending, revoked, expired, declared
    label: str


def certificate_state(certificate: BatchCertificate, today: date | None = None) -> CertificateState:
    """What a buyer should believe of the certificate today."""
    today = today or timezone.localdate()
    if certificate.kind == CertificateKind.OCOP and certificate.ocop is not None:
        ocop = certificate.ocop
        if ocop.status == Verification.REJECTED:
            return CertificateState("revoked", _("Đã bị thu hồi hoặc không được công nhận"))
        if ocop.expires_on < today:
            return CertificateState(
                "expired", _("Đã hết hạn ngày %(date)s") % {"date": ocop.expires_on.strftime("%d/%m/%Y")}
            )
        if ocop.status == Verification.PENDING:
            return CertificateState("pending", _("Đang chờ Liên minh HTX xác minh"))
        return CertificateState(
            "valid",
            _("Liên minh HTX đã xác minh, còn hiệu lực đến %(date)s")
            % {"date": ocop.expires_on.strftime("%d/%m/%Y")},
        )
    if certificate.valid_until and certificate.valid_until < today:
        return CertificateState(
            "expired", _("Đã hết hạn ngày %(date)s") % {"date": certificate.valid_until.strftime("%d/%m/%Y")}
        )
    if certificate.valid_until:
        return CertificateState(
            "declared",
            _("Hợp tác xã khai báo, hiệu lực đến %(date)s")
            % {"date": certificate.valid_until.strftime("%d/%m/%Y")},
        )
    return CertificateState("declared", _("Hợp tác xã khai báo"))


def certificate_number(certificate: BatchCertificate) -> str:
    if certificate.kind == CertificateKind.OCOP and certificate.ocop is not None:
        return certificate.ocop.decision_number
    return certificate.number


# --- Addresses ------------------------------------------------------------------------------------
def gtin14(value: str | None) -> str | None:
    """A GTIN-8/12/13/14 with a right check digit, as 14 digits; None for anything else (a SKU)."""
    digits = (value or "").strip()
    if not digits.isdigit() or len(digits) not in (8, 12, 13, 14):
        return None
    digits = digits.zfill(14)
    body, check = digits[:-1], int(digits[-1])
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(body))
    return digits if (10 - total % 10) % 10 == check else None


def batch_path(batch: Batch) -> str:
    """The batch's public address: a GS1 Digital Link when the product has a GTIN."""
    gtin = gtin14(batch.product.upc)
    if gtin:
        return reverse("traceability:gs1", kwargs={"gtin": gtin, "code": batch.code})
    return reverse("traceability:batch", kwargs={"code": batch.code})


def batch_url(batch: Batch) -> str:
    """The absolute address the batch's QR code carries."""
    return site_url(batch_path(batch))
