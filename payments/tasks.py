"""Payment tasks: ids in, one service each, safe to run twice (Stripe idempotency keys, refund rows
looked up before sending), acknowledged late and retried with backoff."""

from typing import Any

from celery import Task, shared_task

from marketplace.notifications.retrying import RETRYING, TaskOptions, worker_name

from . import emails, services
from .stripe_gateway import StripeError

STRIPE_RETRYING: TaskOptions = {**RETRYING, "autoretry_for": (StripeError, OSError), "max_retries": 8}


@shared_task(**STRIPE_RETRYING)
def stripe_refund_send(self: Task[Any, Any], refund_id: int) -> str:
    return services.stripe_refund_send(refund_id=refund_id)


@shared_task(**STRIPE_RETRYING)
def stripe_intent_cancel(self: Task[Any, Any], payment_id: int) -> str:
    return services.stripe_intent_cancel(payment_id=payment_id)


@shared_task(**RETRYING)
def card_payment_remind(self: Task[Any, Any], order_id: int) -> bool:
    """A timer from the outbox, an hour after a card order: remind if still unpaid."""
    return services.card_payment_remind(order_id=order_id)


@shared_task(**RETRYING)
def card_payment_expire(self: Task[Any, Any], order_id: int) -> int:
    """A timer from the outbox, a day after a card order: cancel what is still unpaid."""
    return services.card_payment_expire(order_id=order_id)


@shared_task(**RETRYING)
def card_reminder_send(self: Task[Any, Any], order_id: int) -> bool:
    return emails.card_reminder_send(order_id=order_id, sent_by=worker_name(self))


@shared_task(**STRIPE_RETRYING)
def stripe_refund_suborder(self: Task[Any, Any], suborder_id: int) -> int:
    """Outbox records written before refunds were recorded: request the refund the new way."""
    return services.refund_request_for_cancelled(suborder_id=suborder_id)
