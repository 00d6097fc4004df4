"""Emails to a cooperative about its status and its payout account (sent once each, from Celery tasks)."""

from __future__ import annotations

from django.contrib.auth import get_user_model

from marketplace.notifications.services import PLATFORM_LANGUAGE, email_send_once, site_url

from .models import BankAccountChange, Partner, StatusChange


def _unique(emails: list[str]) -> list[str]:
    """The addresses without repeats (compared without case) or blanks, in their order."""
    seen: list[str] = []
    for email in emails:
        if email and email.lower() not in {e.lower() for e in seen}:
            seen.append(email)
    return seen


def cooperative_recipients(partner: Partner) -> list[str]:
    """The cooperative's own address and its staff's, without repeats."""
    return _unique([partner.email, *partner.users.values_list("email", flat=True)])


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
    return email_send_once(
        key=f"cooperative-status:{change.pk}",
        to=recipients,
        template="seller/emails/status",
        context={"change": change, "partner": partner, "site_url": site_url()},
        language=PLATFORM_LANGUAGE,
        sent_by=sent_by,
    )


def bank_change_recipients(partner: Partner) -> list[str]:
    """Everyone who must hear of a payout-account change: the cooperative's address, every member,
    and every active alliance staff account."""
    alliance = get_user_model().objects.filter(is_staff=True, is_active=True).exclude(email="")
    return _unique([*cooperative_recipients(partner), *alliance.values_list("email", flat=True)])


def bank_account_change_email(*, change_id: int, sent_by: str = "") -> int:
    """One email per recipient (nobody sees the others' addresses), each sent at most once.
    Returns how many were sent now."""
    change = BankAccountChange.objects.select_related("partner", "changed_by").filter(pk=change_id).first()
    if change is None:
        return 0
    context = {"change": change, "partner": change.partner, "site_url": site_url()}
    return sum(
        email_send_once(
            key=f"bank-account-change:{change.pk}:{email.lower()}",
            to=email,
            template="seller/emails/bank_change",
            context=context,
            language=PLATFORM_LANGUAGE,
            sent_by=sent_by,
        )
        for email in bank_change_recipients(change.partner)
    )
