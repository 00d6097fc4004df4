"""The one way to notify: an email from a pair of templates, in its recipient's language, sent at
most once per key and at least once (a record per key in `SentNotification`), called from a task
the outbox runs and retries (`retrying.py`). Links in emails start with `site_url`."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from .models import SentNotification

#: A file attached to an email: (file name, content, MIME type).
Attachment = tuple[str, bytes, str]

#: The language of the emails to cooperatives and the alliance's staff (and of those whose
#: recipient's language is not known).
PLATFORM_LANGUAGE = "vi"

# A claim that has not been marked sent after this long belongs to a run that died mid-send (its
# worker was killed): the next run sends it again. No mail server takes this long to accept one.
SEND_LEASE = timedelta(minutes=5)


class NotificationInProgress(Exception):
    """Another run claimed this notification moments ago and has not finished: try again later."""


def site_url(path: str = "") -> str:
    """The site's public address (`SITE_URL`), followed by `path` (from `reverse`)."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def staff_emails() -> list[str]:
    """The addresses of the alliance's active staff accounts, sorted."""
    users = get_user_model().objects.filter(is_staff=True, is_active=True).exclude(email="")
    return sorted(users.values_list("email", flat=True))


def recipient_language(obj: Any) -> str:
    """The language for an email about `obj`: a user, an order, a sub-order or a product alert.
    What we know about the recipient (the order's language, the user's last language) wins; when
    nothing is known, the language of the moment (Vietnamese in background tasks)."""
    fallback = _known(translation.get_language()) or settings.LANGUAGE_CODE
    if obj is None:
        return fallback
    suborder_order = getattr(obj, "order", None)
    if suborder_order is not None and hasattr(obj, "partner_id"):
        obj = suborder_order  # a sub-order: its order's buyer
    language = _known(getattr(obj, "language", None))  # an order, or a user
    if language:
        return language
    user = getattr(obj, "user", None)  # an order or an alert of a signed-in buyer
    return _known(getattr(user, "language", None)) or fallback


def _known(code: str | None) -> str:
    return code if code and code in dict(settings.LANGUAGES) else ""


def email_send_once(
    *,
    key: str,
    to: str | Sequence[str],
    template: str,
    context: Mapping[str, Any],
    language: str,
    attachments: Sequence[Attachment] = (),
    sent_by: str = "",
) -> bool:
    """Email `to` (one message, every address in To) from `<template>_subject.txt` and
    `<template>_body.txt`, rendered in `language`, once per `key`. True if sent now."""
    recipients = [to] if isinstance(to, str) else list(to)

    def send() -> None:
        with translation.override(language):
            subject = " ".join(render_to_string(f"{template}_subject.txt", context).split())
            body = render_to_string(f"{template}_body.txt", context)
        message = EmailMultiAlternatives(subject, body, settings.DEFAULT_FROM_EMAIL, recipients)
        for attachment in attachments:
            message.attach(*attachment)
        message.send()

    return notification_send_once(
        key=key[:200], recipient=", ".join(recipients)[:254], send=send, sent_by=sent_by
    )


def notification_send_once(*, key: str, recipient: str, send: Callable[[], None], sent_by: str = "") -> bool:
    """Claim `key`, send, then mark it sent. Returns False (and sends nothing) if it was sent
    before. If sending raises, the claim is released so that a retry can send it; if the run dies
    while sending (nothing marks it sent), a run after `SEND_LEASE` takes the claim over and sends.
    Raises `NotificationInProgress` while another run's fresh claim is open. (For messages not
    made by `email_send_once`, such as Oscar's order confirmation.)"""
    now = timezone.now()
    try:
        with transaction.atomic():
            record = SentNotification.objects.create(
                key=key, recipient=recipient, sent_by=sent_by, claimed_at=now, sent_at=None
            )
    except IntegrityError:
        record = SentNotification.objects.get(key=key)
        if record.sent_at is not None:
            return False
        if record.claimed_at > now - SEND_LEASE:
            raise NotificationInProgress(key) from None
        taken = SentNotification.objects.filter(
            pk=record.pk, sent_at__isnull=True, claimed_at=record.claimed_at
        ).update(claimed_at=now, recipient=recipient, sent_by=sent_by)
        if not taken:
            raise NotificationInProgress(key) from None
    mine = SentNotification.objects.filter(pk=record.pk, claimed_at=now, sent_at__isnull=True)
    try:
        send()
    except Exception:
        mine.delete()
        raise
    mine.update(sent_at=timezone.now())
    return True
