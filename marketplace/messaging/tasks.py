"""Message tasks: ids in, one service, safe to run twice (each reminder is emailed once)."""

from celery import shared_task

from marketplace.notifications.retrying import RETRYING, worker_name

from . import services


@shared_task(**RETRYING)
def message_unread_remind(self, message_id: int) -> bool:
    """A timer from the outbox, a while after a message: email the other side if still unread."""
    return services.message_unread_remind(message_id=message_id, sent_by=worker_name(self))
