"""Emails to a cooperative about its status and its payout account (sent once each, from Celery tasks)."""

from functools import partial

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation

from marketplace.notifications.services import notification_send_once

from .models import BankAccountChange, StatusChange


def cooperative_recipients(partner) -> list[str]:
    """The cooperative's own address and its staff's, without repeats."""
    emails = [partner.email, *partner.users.values_list("email", flat=True)]
    seen: list[str] = []
    for email in emails:
        if email and email.lower() not in {e.lower() for e in seen}:
            seen.append(email)
    return seen


def cooperative_status_email(*, change_id: int, sent_by: str = "") -> bool:
    change = (
        StatusChange.objects.select_related("partner", "partner__applied_by").filter(pk=change_id).first()
    )
    if change is None:
        return False
    partner = change.partner
    recipients = cooperative_recipients(partner)
    if partner.applied_by and partner.applied_by.email not in recipients:
        recipients.append(partner.applied_by.email)
    if not recipients:
        return False

    def send():
        with translation.override("vi"):
            context = {"change": change, "partner": partner, "site_url": settings.WAGTAILADMIN_BASE_URL}
            subject = render_to_string("seller/emails/status_subject.txt", context).strip()
            body = render_to_string("seller/emails/status_body.txt", context)
        send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, recipients)

    return notification_send_once(
        key=f"cooperative-status:{change.pk}",
        recipient=", ".join(recipients)[:254],
        send=send,
        sent_by=sent_by,
    )


def bank_change_recipients(partner) -> list[str]:
    """Everyone who must hear of a payout-account change: the cooperative's address, every member,
    and every active alliance staff account."""
    alliance = get_user_model().objects.filter(is_staff=True, is_active=True).exclude(email="")
    seen: list[str] = []
    for email in [*cooperative_recipients(partner), *alliance.values_list("email", flat=True)]:
        if email.lower() not in {e.lower() for e in seen}:
            seen.append(email)
    return seen


def bank_account_change_email(*, change_id: int, sent_by: str = "") -> int:
    """One email per recipient (nobody sees the others' addresses), each sent at most once.
    Returns how many were sent now."""
    change = BankAccountChange.objects.select_related("partner", "changed_by").filter(pk=change_id).first()
    if change is None:
        return 0
    with translation.override("vi"):
        context = {"change": change, "partner": change.partner, "site_url": settings.WAGTAILADMIN_BASE_URL}
        subject = render_to_string("seller/emails/bank_change_subject.txt", context).strip()
        body = render_to_string("seller/emails/bank_change_body.txt", context)
    sent = 0
    for email in bank_change_recipients(change.partner):
        sent += notification_send_once(
            key=f"bank-account-change:{change.pk}:{email.lower()}"[:200],
            recipient=email,
            send=partial(send_mail, subject, body, settings.DEFAULT_FROM_EMAIL, [email]),
            sent_by=sent_by,
        )
    return sent
