"""Traceability tasks: ids in, one service, safe to run twice (each email is sent once)."""

from celery import shared_task

from marketplace.notifications.retrying import RETRYING, worker_name

from . import notify, stock


@shared_task(**RETRYING)
def batch_recall_notify(self, batch_id: int) -> int:
    return notify.batch_recall_notify(batch_id=batch_id, sent_by=worker_name(self))


@shared_task
def batches_expire() -> int:
    """Nightly: batches past their best-before date leave the shop (their units off the stock)."""
    return stock.batches_expire()
