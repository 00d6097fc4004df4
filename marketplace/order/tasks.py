"""Order tasks: take ids, call one service, are safe to run twice (each email is sent once),
acknowledge late and retry with backoff."""

from typing import Any

from celery import Task, shared_task

from marketplace.notifications.retrying import RETRYING, worker_name

from . import services


@shared_task(**RETRYING)
def order_confirmation_send(self: Task[Any, Any], order_id: int) -> bool:
    return services.order_confirmation_send(order_id=order_id, sent_by=worker_name(self))


@shared_task(**RETRYING)
def suborder_placed_notify(self: Task[Any, Any], suborder_id: int) -> bool:
    return services.suborder_placed_notify(suborder_id=suborder_id, sent_by=worker_name(self))


@shared_task(**RETRYING)
def suborder_event_notify(self: Task[Any, Any], event_id: int) -> bool:
    return services.suborder_event_notify(event_id=event_id, sent_by=worker_name(self))


@shared_task(**RETRYING)
def vietqr_reminder_send(self: Task[Any, Any], suborder_id: int) -> bool:
    return services.vietqr_reminder_send(suborder_id=suborder_id, sent_by=worker_name(self))


@shared_task(**RETRYING)
def vietqr_remind(self: Task[Any, Any], suborder_id: int) -> bool:
    """A timer from the outbox, 24 hours after a VietQR order: remind if still unpaid."""
    return services.vietqr_remind(suborder_id=suborder_id)


@shared_task(**RETRYING)
def vietqr_cancel(self: Task[Any, Any], suborder_id: int) -> bool:
    """A timer from the outbox, 72 hours after a VietQR order: cancel if still unpaid."""
    return services.vietqr_cancel(suborder_id=suborder_id)
