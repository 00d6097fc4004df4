"""Emails of the floor's duties (sent once each, from Celery tasks the outbox runs): the cooperative
hears of a takedown and of the decision on its appeal, staff of an appeal, the complainant of the
receipt and the answer (with the link to follow the complaint)."""

from __future__ import annotations

from django.urls import reverse

from marketplace.notifications.services import (
    PLATFORM_LANGUAGE,
    email_send_once,
    recipient_language,
    site_url,
    staff_emails,
)
from marketplace.partner.notify import cooperative_recipients

from .models import Complaint, Takedown
from .selectors import complaint_token


def takedown_email(*, takedown_id: int, step: str, sent_by: str = "") -> bool:
    takedown = Takedown.objects.select_related("partner").filter(pk=takedown_id).first()
    if takedown is None or takedown.partner is None:
        return False
    recipients = cooperative_recipients(takedown.partner)
    if not recipients:
        return False
    return email_send_once(
        key=f"takedown:{takedown.pk}:{step}",
        to=recipients,
        template="moderation/emails/takedown",
        context={
            "takedown": takedown,
            "step": step,
            "link": site_url(reverse("seller:takedown", kwargs={"pk": takedown.pk})),
        },
        language=PLATFORM_LANGUAGE,
        sent_by=sent_by,
    )


def appeal_staff_email(*, takedown_id: int, sent_by: str = "") -> bool:
    takedown = Takedown.objects.select_related("partner").filter(pk=takedown_id).first()
    recipients = staff_emails()
    if takedown is None or not recipients:
        return False
    return email_send_once(
        key=f"takedown:{takedown.pk}:appealed",
        to=recipients,
        template="moderation/emails/appeal",
        context={
            "takedown": takedown,
            "link": site_url(reverse("moderation:takedown", kwargs={"pk": takedown.pk})),
        },
        language=PLATFORM_LANGUAGE,
        sent_by=sent_by,
    )


def complaint_email(*, complaint_id: int, step: str, key: str = "", sent_by: str = "") -> bool:
    complaint = Complaint.objects.select_related("user").filter(pk=complaint_id).first()
    if complaint is None or not complaint.email:
        return False
    link = site_url(reverse("complaint-status", kwargs={"token": complaint_token(complaint)}))
    return email_send_once(
        key=key or f"complaint:{complaint.pk}:{step}",
        to=complaint.email,
        template="moderation/emails/complaint",
        context={"complaint": complaint, "step": step, "link": link},
        language=recipient_language(complaint.user) if complaint.user else PLATFORM_LANGUAGE,
        sent_by=sent_by,
    )
