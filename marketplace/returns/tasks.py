"""Return tasks: ids in, one service, safe to run twice (each email is sent once)."""

from celery import shared_task

from marketplace.notifications.retrying import RETRYING, worker_name

from . import notify


@shared_task(**RETRYING)
def return_event_notify(self, event_id: int) -> int:
    return notify.return_event_notify(event_id=event_id, sent_by=worker_name(self))
