"""Reads of the outbox: dead letters for alliance staff, and rows past their deadline."""

from __future__ import annotations

from datetime import datetime

from django.db.models import Q, QuerySet
from django.utils import timezone

from .models import OutboxMessage, OutboxStatus, outbox_deadline_slack


def dead_letters() -> QuerySet[OutboxMessage]:
    return OutboxMessage.objects.filter(status=OutboxStatus.DEAD).order_by("-dead_at", "-pk")


def overdue(*, now: datetime | None = None) -> QuerySet[OutboxMessage]:
    """Rows not done past their deadline (`OutboxMessage.deadline`): pending longer than the retry
    window allows (the dispatcher or the workers are not running), or dead letters nobody has
    retried or discarded."""
    now = now or timezone.now()
    cutoff = now - outbox_deadline_slack()
    pending_too_long = Q(status=OutboxStatus.PENDING) & (
        Q(retry_from__lt=cutoff)
        | Q(retry_from__isnull=True, due_at__lt=cutoff)
        | Q(retry_from__isnull=True, due_at__isnull=True, created_at__lt=cutoff)
    )
    return OutboxMessage.objects.filter(pending_too_long | Q(status=OutboxStatus.DEAD)).order_by("pk")
