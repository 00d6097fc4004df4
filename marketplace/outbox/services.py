"""Write outbox records inside a transaction; hand them to Celery after it commits."""

from __future__ import annotations

import logging
import time

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.module_loading import import_string
from kombu.exceptions import OperationalError as BrokerDown

from .models import OutboxMessage

logger = logging.getLogger(__name__)


# After a failed send the broker is assumed down for a while: the request path stops trying and
# leaves the records to the beat dispatcher (a circuit breaker), so a buyer waits at most once.
BROKER_PAUSE_SECONDS = 30
_broker_down_until = 0.0


def _dispatch_after_commit(message_id: int) -> None:
    if time.monotonic() >= _broker_down_until:
        outbox_dispatch(ids=[message_id])


def outbox_add(*, key: str, task: str, due_at=None, **kwargs) -> OutboxMessage:
    """Record `task(**kwargs)` once per `key`; dispatched when the current transaction commits, or,
    for a timer (`due_at`), by the beat dispatcher once that moment has come."""
    message, __ = OutboxMessage.objects.get_or_create(
        key=key, defaults={"task": task, "kwargs": kwargs, "due_at": due_at}
    )
    if due_at is None:
        message_id = message.pk
        transaction.on_commit(lambda: _dispatch_after_commit(message_id))
    return message


def _send(message: OutboxMessage) -> None:
    task = import_string(message.task)
    # retry=False: with the broker down this fails at once instead of blocking the request.
    task.apply_async(kwargs=message.kwargs, retry=False)


def outbox_dispatch(*, ids: list[int] | None = None, limit: int = 200, now=None) -> int:
    """Send pending messages (timers only once due) to Celery, then mark them sent (at least once:
    the tasks are safe to run twice, so a crash between the two steps costs a duplicate, never a
    loss). A failed send leaves the message pending for the beat dispatcher. Returns how many were
    sent."""
    now = now or timezone.now()
    pending = OutboxMessage.objects.filter(dispatched_at__isnull=True).filter(
        Q(due_at__isnull=True) | Q(due_at__lte=now)
    )
    if ids is not None:
        pending = pending.filter(pk__in=ids)
    global _broker_down_until
    sent = 0
    for message in list(pending.order_by("pk")[:limit]):
        try:
            _send(message)
        except Exception as exc:  # the broker is down, or the task failed when run eagerly
            logger.warning("outbox %s not dispatched: %s", message.key, exc)
            OutboxMessage.objects.filter(pk=message.pk).update(
                attempts=message.attempts + 1, last_error=str(exc)[:2000]
            )
            if isinstance(exc, BrokerDown):
                _broker_down_until = time.monotonic() + BROKER_PAUSE_SECONDS
                break  # the rest waits for the beat dispatcher: don't keep the buyer waiting
            continue
        OutboxMessage.objects.filter(pk=message.pk).update(dispatched_at=timezone.now())
        _broker_down_until = 0.0
        sent += 1
    return sent
