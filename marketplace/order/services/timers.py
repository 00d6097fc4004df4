"""VietQR payment timers (the card's belong to the card method, in `payments`). Written into the
outbox with the order; the beat dispatcher hands them to Celery when due. Each does nothing if the
transfer has arrived or the sub-order moved on."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone

from marketplace.outbox.services import outbox_add

from ..exceptions import SubOrderActionRefused
from ..models import CancelReason, PaymentStatus, SubOrder
from .lifecycle import CANCELLABLE, TASKS, S, suborder_cancel

# --- VietQR timers --------------------------------------------------------------------------------
# Due 24 and 72 hours after the order.
REMIND_AFTER = timedelta(hours=24)
CANCEL_AFTER = timedelta(hours=72)
UNPAID = {"payment_method": "vietqr", "payment_status": PaymentStatus.PENDING}


def payment_timers_add(
    *,
    kind: str,
    number: str,
    placed: datetime,
    remind: tuple[str, timedelta],
    cancel: tuple[str, timedelta],
    **ids: int,
) -> None:
    """A payment's two timers in the outbox, in the placing transaction: remind the buyer (task,
    after how long), then cancel what is still unpaid. Keys `<kind>-remind-timer:<number>` and
    `<kind>-cancel-timer:<number>`; the tasks get `ids`."""
    for step, (task, after) in (("remind", remind), ("cancel", cancel)):
        outbox_add(key=f"{kind}-{step}-timer:{number}", task=task, due_at=placed + after, **ids)


def timer_deadlines(kind: str, numbers: list[str]) -> dict[str, datetime]:
    """When each payment's cancel timer falls due, by number (one query): what the buyer is shown
    as the deadline is the timer itself, never a separate constant. Numbers without a timer are
    left out."""
    from marketplace.outbox.models import OutboxMessage

    keys = {f"{kind}-cancel-timer:{number}": number for number in numbers}
    if not keys:
        return {}
    rows = OutboxMessage.objects.filter(key__in=keys).values_list("key", "due_at")
    return {keys[key]: due_at for key, due_at in rows if due_at is not None}


def vietqr_timers_add(suborder: SubOrder) -> None:
    payment_timers_add(
        kind="vietqr",
        number=suborder.number,
        placed=suborder.created_at,
        remind=(f"{TASKS}.vietqr_remind", REMIND_AFTER),
        cancel=(f"{TASKS}.vietqr_cancel", CANCEL_AFTER),
        suborder_id=suborder.pk,
    )


def vietqr_remind(*, suborder_id: int) -> bool:
    """24 hours on: remind the buyer of a transfer that has not arrived (once). True if reminded."""
    with transaction.atomic():
        reminded = (
            SubOrder.objects.filter(pk=suborder_id, reminded_at__isnull=True, **UNPAID)
            .exclude(status=S.CANCELLED)
            .update(reminded_at=timezone.now())
        )
        if reminded:
            suborder = SubOrder.objects.get(pk=suborder_id)
            outbox_add(
                key=f"vietqr-reminder:{suborder.number}",
                task=f"{TASKS}.vietqr_reminder_send",
                suborder_id=suborder.pk,
            )
    return bool(reminded)


def vietqr_cancel(*, suborder_id: int) -> bool:
    """72 hours on: cancel a sub-order whose transfer never arrived (stock released). True if
    cancelled."""
    with transaction.atomic():
        # Locked first, so a "payment received" at this very moment waits and then finds it cancelled.
        unpaid = SubOrder.objects.select_for_update().filter(pk=suborder_id, **UNPAID)
        if unpaid.filter(status__in=CANCELLABLE).first() is None:
            return False
        try:
            suborder_cancel(suborder_id=suborder_id, reason_code=CancelReason.TRANSFER_EXPIRED)
        except SubOrderActionRefused:
            return False
    return True
