"""Send a notification at most once per key."""

from collections.abc import Callable

from django.db import IntegrityError, transaction

from .models import SentNotification


def notification_send_once(*, key: str, recipient: str, send: Callable[[], None], sent_by: str = "") -> bool:
    """Claim `key`, then send. Returns False (and sends nothing) if it was sent before.

    If sending raises, the claim is released so that a retry can send it.
    """
    try:
        with transaction.atomic():
            record = SentNotification.objects.create(key=key, recipient=recipient, sent_by=sent_by)
    except IntegrityError:
        return False
    try:
        send()
    except Exception:
        record.delete()
        raise
    return True
