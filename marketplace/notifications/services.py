"""Send a notification at most once per key, and at least once."""

from collections.abc import Callable
from datetime import timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone

from .models import SentNotification

# A claim that has not been marked sent after this long belongs to a run that died mid-send (its
# worker was killed): the next run sends it again. No mail server takes this long to accept one.
SEND_LEASE = timedelta(minutes=5)


class NotificationInProgress(Exception):
    """Another run claimed this notification moments ago and has not finished: try again later."""


def notification_send_once(
    *, key: str, recipient: str, send: Callable[[], object], sent_by: str = ""
) -> bool:
    """Claim `key`, send, then mark it sent. Returns False (and sends nothing) if it was sent
    before. If sending raises, the claim is released so that a retry can send it; if the run dies
    while sending (nothing marks it sent), a run after `SEND_LEASE` takes the claim over and sends.
    Raises `NotificationInProgress` while another run's fresh claim is open."""
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
