"""Emails to alliance staff about the floor's health (sent once each, from Celery tasks)."""

from __future__ import annotations

from django.utils import timezone

from marketplace.notifications.services import PLATFORM_LANGUAGE, email_send_once, staff_emails


def invariants_report_send(*, lines: list[str], count: int, sent_by: str = "") -> bool:
    recipients = staff_emails()
    if not recipients:
        return False
    today = timezone.localdate()
    return email_send_once(
        key=f"invariants-report:{today.isoformat()}",
        to=recipients,
        template="core/emails/invariants",
        context={"lines": lines, "count": count, "today": today},
        language=PLATFORM_LANGUAGE,
        sent_by=sent_by,
    )
