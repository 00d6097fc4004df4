"""Writes for OCOP certificates: a cooperative submits one, the alliance verifies it, and the
daily reminders before and on expiry."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING, Any

from dateutil.relativedelta import relativedelta
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from marketplace.notifications.services import PLATFORM_LANGUAGE, email_send_once

from .models import REMINDER_DAYS, Certificate, Verification

if TYPE_CHECKING:
    from django.core.files.uploadedfile import UploadedFile

    from marketplace.catalogue.models import Product
    from marketplace.partner.models import Partner
    from marketplace.users.models import User


@transaction.atomic
def certificate_submit(
    *,
    partner: Partner,
    by: User,
    products: Iterable[Product],
    scan: UploadedFile | None = None,
    **fields: Any,
) -> Certificate:
    """A cooperative uploads a certificate; it waits for the alliance to verify it."""
    certificate = Certificate(partner=partner, submitted_by=by, status=Verification.PENDING, **fields)
    if scan is not None:
        certificate.scan.save(scan.name, scan, save=False)
    certificate.save()
    certificate.products.set(products)
    return certificate


@transaction.atomic
def certificate_review(*, certificate: Certificate, by: User, status: str, reason: str = "") -> Certificate:
    """Alliance staff verify or reject a certificate (a rejection needs a reason)."""
    reason = (reason or "").strip()
    if status not in {Verification.VERIFIED, Verification.REJECTED}:
        raise ValidationError(_("Trạng thái xác minh không hợp lệ."))
    if status == Verification.REJECTED and not reason:
        raise ValidationError(_("Vui lòng ghi rõ lý do từ chối."))
    certificate.status = status
    certificate.rejection_reason = reason if status == Verification.REJECTED else ""
    certificate.reviewed_by = by
    certificate.reviewed_at = timezone.now()
    certificate.save()
    return certificate


def _send(certificate: Certificate, *, kind: str, sent_by: str) -> bool:
    from marketplace.partner.notify import cooperative_recipients

    recipients = cooperative_recipients(certificate.partner)
    if not recipients:
        return False
    return email_send_once(
        key=f"ocop-{kind}:{certificate.pk}:{certificate.expires_on.isoformat()}",
        to=recipients,
        template=f"seller/emails/ocop_{kind}",
        context={"certificate": certificate, "partner": certificate.partner, "kind": kind},
        language=PLATFORM_LANGUAGE,
        sent_by=sent_by,
    )


def certificate_expiry_notify(*, today: date | None = None, sent_by: str = "") -> dict[str, int]:
    """Email each cooperative once when a verified certificate has 30 days or fewer left, and once on
    its expiry day. Safe to run any number of times a day; a missed day is caught up the next."""
    today = today or timezone.localdate()
    counts = {"expiring": 0, "expired": 0}
    verified = Certificate.objects.filter(status=Verification.VERIFIED).select_related("partner")
    soon = verified.filter(expires_on__gt=today, expires_on__lte=today + relativedelta(days=REMINDER_DAYS))
    for certificate in soon:
        counts["expiring"] += _send(certificate, kind="expiring", sent_by=sent_by)
    # "On expiry": the last valid day, or up to a week later if the beat was down that day.
    lapsed = verified.filter(expires_on__lte=today, expires_on__gt=today - relativedelta(days=7))
    for certificate in lapsed:
        counts["expired"] += _send(certificate, kind="expired", sent_by=sent_by)
    return counts
