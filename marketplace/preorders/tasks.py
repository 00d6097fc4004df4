"""Pre-order tasks: ids in, one service, safe to run twice (each email is sent once)."""

from typing import Any

from celery import Task, shared_task

from marketplace.notifications.retrying import RETRYING, worker_name

from . import notify, services


@shared_task(**RETRYING)
def preorder_date_moved_notify(self: Task[Any, Any], change_id: int, suborder_id: int) -> bool:
    return notify.date_moved_notify(change_id=change_id, suborder_id=suborder_id, sent_by=worker_name(self))


@shared_task(**RETRYING)
def deposit_remind(self: Task[Any, Any], suborder_id: int) -> bool:
    """A timer from the outbox, 24 hours after a pre-order owing a deposit transfer."""
    return services.deposit_remind(suborder_id=suborder_id)


@shared_task(**RETRYING)
def deposit_cancel(self: Task[Any, Any], suborder_id: int) -> bool:
    """A timer from the outbox, 72 hours after: cancel the pre-order if the deposit never arrived."""
    return services.deposit_cancel(suborder_id=suborder_id)


@shared_task(**RETRYING)
def deposit_reminder_send(self: Task[Any, Any], suborder_id: int) -> bool:
    return notify.deposit_reminder_send(suborder_id=suborder_id, sent_by=worker_name(self))
