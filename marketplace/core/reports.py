"""Emails to alliance staff about the floor's health (sent once each, from Celery tasks)."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import timezone, translation

from marketplace.notifications.services import notification_send_once


def staff_emails() -> list[str]:
    users = get_user_model().objects.filter(is_staff=True, is_active=True).exclude(email="")
    return sorted(users.values_list("email", flat=True))


def invariants_report_send(*, lines: list[str], count: int, sent_by: str = "") -> bool:
    recipients = staff_emails()
    if not recipients:
        return False
    today = timezone.localdate()

    def send() -> None:
        with translation.override("vi"):
            context = {"lines": lines, "count": count, "today": today}
            subject = render_to_string("core/emails/invariants_subject.txt", context).strip()
            body = render_to_string("core/emails/invariants_body.txt", context)
        send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, recipients)

    return notification_send_once(
        key=f"invariants-report:{today.isoformat()}",
        recipient=", ".join(recipients)[:254],
        send=send,
        sent_by=sent_by,
    )
