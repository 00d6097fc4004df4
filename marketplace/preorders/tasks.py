"""Pre-order tasks: ids in, one service, safe to run twice (each email is sent once)."""

from typing import Any

from celery import Task, shared_task

from marketplace.notifications.retrying import RETRYING, worker_name

from . import notify


@shared_task(**RETRYING)
def preorder_date_moved_notify(self: Task[Any, Any], change_id: int, suborder_id: int) -> bool:
    return notify.date_moved_notify(change_id=change_id, suborder_id=suborder_id, sent_by=worker_name(self))
