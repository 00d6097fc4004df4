"""The outbox's writes: record work inside a transaction, hand it to Celery after the commit, run it
and record the outcome, retry with backoff, turn what keeps failing into dead letters, and let staff
retry or discard those."""

from __future__ import annotations

import logging
import time
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.module_loading import import_string
from kombu.exceptions import OperationalError as BrokerDown

from .models import OutboxMessage, OutboxStatus

logger = logging.getLogger(__name__)

RUN_TASK = "marketplace.outbox.tasks.outbox_run"
DEAD_LETTER_ALERT_TASK = "marketplace.outbox.tasks.dead_letter_alert"

# After a failed send the broker is assumed down for a while: the request path stops trying and
# leaves the records to the beat dispatcher (a circuit breaker), so a buyer waits at most once.
BROKER_PAUSE_SECONDS = 30
_broker_down_until = 0.0
# The beat dispatcher hands over batches until none is left or this much time has passed.
DISPATCH_BUDGET_SECONDS = 45


def _dispatch_after_commit(message_id: int) -> None:
    if time.monotonic() >= _broker_down_until:
        outbox_dispatch(ids=[message_id])


def outbox_add(*, key: str, task: str, due_at=None, **kwargs) -> OutboxMessage:
    """Record `task(**kwargs)` once per `key`, in the caller's transaction; handed to Celery when
    that transaction commits, or, for a timer (`due_at`), by the beat dispatcher once due."""
    message, __ = OutboxMessage.objects.get_or_create(
        key=key, defaults={"task": task, "kwargs": kwargs, "due_at": due_at}
    )
    if due_at is None and message.status == OutboxStatus.PENDING:
        message_id = message.pk
        transaction.on_commit(lambda: _dispatch_after_commit(message_id))
    return message


# --- Handing over ---------------------------------------------------------------------------------
def _lease() -> timedelta:
    return timedelta(seconds=settings.OUTBOX_HANDOFF_LEASE_SECONDS)


def outbox_ready(*, now: datetime | None = None):
    """Pending rows that may be handed to Celery now: due, not backing off after a failure, and
    not handed over recently (a hand-off that never started is repeated after the lease). Rows
    that failed wait for their next attempt without holding back anything newer."""
    now = now or timezone.now()
    return (
        OutboxMessage.objects.filter(status=OutboxStatus.PENDING)
        .filter(Q(due_at__isnull=True) | Q(due_at__lte=now))
        .filter(Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now))
        .filter(Q(dispatched_at__isnull=True) | Q(dispatched_at__lte=now - _lease()))
    )


def _send(message: OutboxMessage) -> None:
    task = import_string(RUN_TASK)
    # retry=False: with the broker down this fails at once instead of blocking the request.
    task.apply_async(kwargs={"message_id": message.pk}, retry=False)


def outbox_dispatch(*, ids: list[int] | None = None, limit: int = 200, now=None) -> int:
    """Hand ready messages to Celery (as `outbox_run(message_id)`); returns how many were handed.
    Being handed over is not being done: a row is done only when its task reports success. With
    the broker down the rest waits for the next beat."""
    global _broker_down_until
    now = now or timezone.now()
    started = time.monotonic()
    handed = 0
    while True:
        ready = outbox_ready(now=now)
        if ids is not None:
            ready = ready.filter(pk__in=ids)
        batch = list(ready.order_by("pk")[:limit])
        for message in batch:
            # Claim the hand-off (two dispatchers at once hand each message once).
            claimed = (
                outbox_ready(now=now)
                .filter(pk=message.pk, dispatched_at=message.dispatched_at)
                .update(dispatched_at=timezone.now())
            )
            if not claimed:
                continue
            try:
                _send(message)
            except BrokerDown as exc:
                logger.warning("outbox %s not handed to Celery: %s", message.key, exc)
                OutboxMessage.objects.filter(pk=message.pk).update(
                    dispatched_at=message.dispatched_at, last_error=f"broker: {exc}"[:2000]
                )
                _broker_down_until = time.monotonic() + BROKER_PAUSE_SECONDS
                return handed  # the rest waits for the beat dispatcher: don't keep the buyer waiting
            except Exception as exc:  # never let the hand-off break the request that caused it
                logger.exception("outbox %s not handed to Celery", message.key)
                OutboxMessage.objects.filter(pk=message.pk).update(
                    dispatched_at=message.dispatched_at, last_error=f"hand-off: {exc}"[:2000]
                )
                continue
            _broker_down_until = 0.0
            handed += 1
        if ids is not None or len(batch) < limit or time.monotonic() - started > DISPATCH_BUDGET_SECONDS:
            return handed


# --- Running --------------------------------------------------------------------------------------
def backoff(attempts: int) -> timedelta:
    """1 minute after the first failure, then doubling, at most OUTBOX_BACKOFF_MAX_SECONDS."""
    seconds = settings.OUTBOX_BACKOFF_SECONDS * 2 ** max(0, min(attempts - 1, 20))
    return timedelta(seconds=min(seconds, settings.OUTBOX_BACKOFF_MAX_SECONDS))


def _max_attempts(task) -> int:
    return int(getattr(task, "outbox_max_attempts", None) or settings.OUTBOX_MAX_ATTEMPTS)


def _dead(message: OutboxMessage, *, error: str, now: datetime) -> None:
    OutboxMessage.objects.filter(pk=message.pk).update(
        status=OutboxStatus.DEAD, dead_at=now, running_since=None, last_error=error[:4000]
    )
    logger.error("outbox %s is a dead letter: %s", message.key, error)
    if message.task != DEAD_LETTER_ALERT_TASK:
        outbox_add(
            key=f"outbox-dead-letter:{message.pk}:{now.isoformat()}",
            task=DEAD_LETTER_ALERT_TASK,
            message_id=message.pk,
        )


def _failed(message: OutboxMessage, *, error: str, now: datetime, max_attempts: int) -> str:
    """Record a failed or lost run: try again after the backoff, or give up (a dead letter) when it
    fails after the retry window is over (so it is retried for at least that long) or the attempts
    are used up."""
    if message.attempts >= max_attempts:
        _dead(message, error=f"{error}\n(after {message.attempts} attempts)", now=now)
        return "dead"
    if message.lost_runs >= settings.OUTBOX_MAX_LOST_RUNS:
        _dead(message, error=f"{error}\n({message.lost_runs} runs never finished)", now=now)
        return "dead"
    if now >= message.retry_window_start + timedelta(seconds=settings.OUTBOX_RETRY_SECONDS):
        _dead(message, error=error, now=now)  # failed again after a whole retry window
        return "dead"
    retry_at = now + backoff(message.attempts)
    OutboxMessage.objects.filter(pk=message.pk).update(
        next_attempt_at=retry_at, dispatched_at=None, running_since=None, last_error=error[:4000]
    )
    return "retry"


def outbox_run(*, message_id: int, worker: str = "", now: datetime | None = None) -> str:
    """Run one outbox message's task (called by the `outbox_run` Celery task) and record the
    outcome: "done", "retry", "dead", or why it did not run ("skipped", "waiting")."""
    now = now or timezone.now()
    with transaction.atomic():
        message = OutboxMessage.objects.select_for_update().filter(pk=message_id).first()
        if message is None or message.status != OutboxStatus.PENDING:
            return "skipped"  # done, dead or discarded meanwhile (a duplicate delivery)
        if message.next_attempt_at and message.next_attempt_at > now:
            return "waiting"  # a duplicate delivery during the backoff: the dispatcher resends it
        try:
            task = import_string(message.task)
        except ImportError as exc:
            message.attempts += 1
            OutboxMessage.objects.filter(pk=message.pk).update(attempts=F("attempts") + 1)
            _dead(message, error=f"unknown task {message.task}: {exc}", now=now)
            return "dead"
        if message.running_since is not None:
            # The last run started and never reported: its worker died (or it is a duplicate of a
            # run still going). Count it, and back off instead of running it again at once.
            message.lost_runs += 1
            OutboxMessage.objects.filter(pk=message.pk).update(lost_runs=F("lost_runs") + 1)
            return _failed(
                message,
                error=f"the run started at {message.running_since.isoformat()} never finished "
                "(its worker stopped)",
                now=now,
                max_attempts=_max_attempts(task),
            )
        if message.attempts >= _max_attempts(task):
            return _failed(message, error=message.last_error, now=now, max_attempts=_max_attempts(task))
        message.attempts += 1
        OutboxMessage.objects.filter(pk=message.pk).update(attempts=F("attempts") + 1, running_since=now)
    # Committed: from here a killed worker leaves `running_since` behind for the next delivery.
    task.push_request(hostname=worker or None, is_eager=not worker)
    try:
        task.run(**message.kwargs)
    except Exception as exc:  # every error is retried (the tasks are safe to run twice)
        logger.warning("outbox %s failed (attempt %s): %r", message.key, message.attempts, exc)
        error = f"{type(exc).__name__}: {exc}"
        return _failed(message, error=error, now=timezone.now(), max_attempts=_max_attempts(task))
    finally:
        task.pop_request()
    OutboxMessage.objects.filter(pk=message.pk, status=OutboxStatus.PENDING).update(
        status=OutboxStatus.DONE, done_at=timezone.now(), running_since=None, next_attempt_at=None
    )
    return "done"


# --- Dead letters: staff retry or discard ---------------------------------------------------------
def dead_letter_retry(*, message_id: int, by) -> OutboxMessage:
    """Staff chose "Thử lại": a fresh retry window from now."""
    now = timezone.now()
    with transaction.atomic():
        message = OutboxMessage.objects.select_for_update().get(pk=message_id, status=OutboxStatus.DEAD)
        message.status = OutboxStatus.PENDING
        message.retry_from = now
        message.next_attempt_at = None
        message.dispatched_at = None
        message.running_since = None
        message.attempts = 0
        message.lost_runs = 0
        message.handled_by = by
        message.handled_at = now
        message.save()
        message_id = message.pk
        transaction.on_commit(lambda: _dispatch_after_commit(message_id))
    return message


def dead_letter_discard(*, message_id: int, by) -> OutboxMessage:
    """Staff chose "Bỏ qua": it will not be tried again (kept as a record)."""
    with transaction.atomic():
        message = OutboxMessage.objects.select_for_update().get(pk=message_id, status=OutboxStatus.DEAD)
        message.status = OutboxStatus.DISCARDED
        message.handled_by = by
        message.handled_at = timezone.now()
        message.save()
    return message


def dead_letter_alert_send(*, message_id: int, sent_by: str = "") -> bool:
    """Email alliance staff that a message became a dead letter (once per time it died)."""
    from django.urls import reverse

    from marketplace.notifications.services import (
        PLATFORM_LANGUAGE,
        email_send_once,
        site_url,
        staff_emails,
    )

    message = OutboxMessage.objects.filter(pk=message_id, status=OutboxStatus.DEAD).first()
    if message is None:
        return False
    recipients = staff_emails()
    if not recipients:
        return False
    return email_send_once(
        key=f"outbox-dead-letter:{message.pk}:{message.dead_at.isoformat() if message.dead_at else ''}",
        to=recipients,
        template="outbox/emails/dead_letter",
        context={"message": message, "url": site_url(reverse("outbox:dead-letters"))},
        language=PLATFORM_LANGUAGE,
        sent_by=sent_by,
    )
