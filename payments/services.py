"""Payment writes: the PaymentIntent that covers exactly what an order owes by card, Stripe's
webhook events (each once, in order, checked), refunds (requested with the cancellation, sent
through the outbox, recorded row by row), flags for the alliance, and the card payment timers."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import timedelta
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone

from marketplace.core.money import format_vnd
from marketplace.ledger import services as ledger
from marketplace.order.exceptions import SubOrderActionRefused
from marketplace.order.models import CancelReason, Order, PaymentStatus, SubOrder, SubOrderStatus
from marketplace.order.services import suborder_cancel, suborder_card_paid, suborder_refunded
from marketplace.order.services.timers import payment_timers_add
from marketplace.outbox.services import outbox_add
from marketplace.preorders.selectors import card_amounts
from marketplace.preorders.services import deposit_card_paid

from . import selectors, stripe_gateway
from .models import FlagKind, PaymentFlag, Refund, RefundReason, RefundStatus, StripeEvent, StripePayment

logger = logging.getLogger(__name__)

TASKS = "payments.tasks"
OPEN_INTENT = ("requires_payment_method", "requires_confirmation", "requires_action", "failed")
REFUND_ACCEPTED = (RefundStatus.PENDING, RefundStatus.SUCCEEDED)


# --- The payment page ----------------------------------------------------------------------------
def stripe_payment_ensure(*, order: Order) -> StripePayment | None:
    """The intent for what the order owes by card now (None: nothing to pay). Created once per set
    of sub-orders (idempotency key); an older open intent for another set is cancelled."""
    due = selectors.card_due(order)
    if not due.suborders:
        return None
    covered = {suborder.pk for suborder in due.suborders}
    current = selectors.stripe_payment_current(order)
    if current and current.status == "processing":  # a payment on its way: never a second intent
        return current
    if (
        current
        and current.status in OPEN_INTENT
        and set(current.suborders.values_list("pk", flat=True)) == covered
    ):
        return current
    key = f"chohtx-order-{order.number}-" + "-".join(str(pk) for pk in sorted(covered))
    intent = stripe_gateway.intent_create(
        order_number=order.number, amount=due.amount, currency=order.currency, key=key
    )
    try:
        with transaction.atomic():
            payment = StripePayment.objects.create(
                order=order,
                intent_id=intent.id,
                client_secret=intent.client_secret,
                amount=intent.amount,
                currency=intent.currency.upper(),
                status=intent.status,
            )
            payment.suborders.set(due.suborders)
            for older in StripePayment.objects.filter(order=order, status__in=OPEN_INTENT).exclude(
                pk=payment.pk
            ):
                _intent_cancel_later(older)
    except IntegrityError:
        return StripePayment.objects.get(intent_id=intent.id)
    return payment


def _intent_cancel_later(payment: StripePayment) -> None:
    outbox_add(
        key=f"stripe-intent-cancel:{payment.intent_id}",
        task=f"{TASKS}.stripe_intent_cancel",
        payment_id=payment.pk,
    )


def stripe_intent_cancel(*, payment_id: int) -> str:
    """Cancel an intent nobody should pay any more (the task behind `_intent_cancel_later`)."""
    payment = StripePayment.objects.filter(pk=payment_id).first()
    if payment is None or payment.status not in OPEN_INTENT:
        return ""
    return stripe_gateway.intent_cancel(intent_id=payment.intent_id)


# --- Flags for the alliance ----------------------------------------------------------------------
def payment_flag_add(
    *, order_id: int, kind: str, key: str, detail: str = "", event_id: str = ""
) -> PaymentFlag:
    """Once per `key`: staff see it on the dashboard's order page."""
    flag, __ = PaymentFlag.objects.get_or_create(
        key=key,
        defaults={"order_id": order_id, "kind": kind, "detail": detail[:500], "stripe_event_id": event_id},
    )
    logger.warning("payment flag %s on order %s: %s", kind, order_id, detail)
    return flag


# --- Webhook events ------------------------------------------------------------------------------
def stripe_event_handle(*, event: dict[str, Any]) -> str:
    """Apply one verified webhook event, once. Returns what happened (for logs and tests)."""
    kind = event.get("type", "")
    handler = HANDLERS.get(kind) or (_dispute if kind.startswith("charge.dispute.") else None)
    with transaction.atomic():
        try:
            with transaction.atomic():
                StripeEvent.objects.create(event_id=event["id"], type=kind)
        except IntegrityError:
            return "duplicate"
        if handler is None:
            return "ignored"
        return handler(event)


def _intent_event(event: dict[str, Any]) -> str:
    intent = event["data"]["object"]
    payment = StripePayment.objects.select_for_update().filter(intent_id=intent["id"]).first()
    if payment is None:
        return "unknown intent"
    created = int(event.get("created") or 0)
    if payment.status in ("succeeded", "canceled"):
        return "already paid" if payment.status == "succeeded" else "already cancelled"
    if created < payment.last_event_created:
        return "out of order"
    problem = _mismatch(payment, intent)
    if problem:
        kind, detail = problem
        payment_flag_add(
            order_id=payment.order_id,
            kind=kind,
            key=f"event:{event['id']}",
            detail=detail,
            event_id=event["id"],
        )
        return "amount mismatch"
    payment.last_event_created = created
    if event["type"] == "payment_intent.succeeded":
        payment.status, payment.succeeded_at = "succeeded", timezone.now()
        payment.save()
        _card_payment_apply(payment)
        return "paid"
    if event["type"] == "payment_intent.canceled":
        payment.status = "canceled"
        payment.save()
        return _intent_cancelled(payment)
    payment.status = "failed"
    payment.save()
    return "failed"


def _mismatch(payment: StripePayment, intent: dict[str, Any]) -> tuple[str, str] | None:
    covered = sum(card_amounts(payment.suborders.all()).values())
    currency = str(intent.get("currency", "")).upper()
    if currency != payment.currency.upper() or payment.currency.upper() != payment.order.currency.upper():
        return (
            FlagKind.CURRENCY_MISMATCH,
            f"{payment.intent_id}: Stripe {currency}, order {payment.order.currency}",
        )
    if int(intent.get("amount") or 0) != payment.amount or payment.amount != covered:
        return (
            FlagKind.AMOUNT_MISMATCH,
            f"{payment.intent_id}: Stripe {intent.get('amount')}, intent {payment.amount}, "
            f"sub-orders {covered}",
        )
    return None


def _card_payment_apply(payment: StripePayment) -> None:
    """The intent is paid: its open unpaid sub-orders are paid now (a pre-order's deposit is received,
    the rest is cash on delivery); any it covered that was cancelled (or paid by another intent)
    meanwhile is refunded from it at once."""
    suborders = list(payment.suborders.select_for_update().order_by("pk"))
    amounts = card_amounts(suborders)
    for suborder in suborders:
        if amounts[suborder.pk] != int(suborder.total):
            _card_deposit_apply(payment, suborder, amounts[suborder.pk])
        elif suborder.status != SubOrderStatus.CANCELLED and suborder.payment_status == PaymentStatus.PENDING:
            suborder_card_paid(suborder_id=suborder.pk)
        elif suborder.payment_status == PaymentStatus.PAID:
            refund_request(suborder=suborder, payment=payment, reason=RefundReason.PAID_TWICE)
        else:
            SubOrder.objects.filter(pk=suborder.pk).update(
                payment_status=PaymentStatus.PAID, paid_at=timezone.now()
            )
            ledger.suborder_paid(SubOrder.objects.get(pk=suborder.pk))  # and refunded below
            refund_request(suborder=suborder, payment=payment, reason=RefundReason.CHARGED_AFTER_CANCEL)


def _card_deposit_apply(payment: StripePayment, suborder: SubOrder, amount: int) -> None:
    """A pre-order's deposit paid by card: received (the sub-order stays unpaid: the rest is cash on
    delivery); paid twice, or landing after a cancel, it is refunded from this intent at once. The
    deposit enters the ledger with the sale, on delivery."""
    received = deposit_card_paid(suborder=suborder, amount=amount)
    if received is None:
        refund_request(suborder=suborder, payment=payment, reason=RefundReason.PAID_TWICE)
    elif suborder.status == SubOrderStatus.CANCELLED:
        refund_request(suborder=suborder, payment=payment, reason=RefundReason.CHARGED_AFTER_CANCEL)


def _intent_cancelled(payment: StripePayment) -> str:
    """Cancelled in Stripe (by staff, or by us): if it was the order's current intent, the card
    sub-orders it covered can no longer be paid, so they are cancelled and their stock released."""
    if selectors.stripe_payment_current(payment.order) != payment:
        return "cancelled (replaced)"
    for suborder in selectors.card_suborders_payable(order_id=payment.order_id).filter(
        stripe_payments=payment
    ):
        try:
            suborder_cancel(suborder_id=suborder.pk, reason_code=CancelReason.CARD_INTENT_CANCELLED)
        except SubOrderActionRefused:
            continue
    return "cancelled"


ObjectHandler = Callable[[dict[str, Any], dict[str, Any], StripePayment], str]


def _of_our_intent(handler: ObjectHandler) -> Callable[[dict[str, Any]], str]:
    """An event about a charge, refund or dispute: handled with the intent it belongs to, or
    answered "unknown intent" when that intent is not one of ours."""

    def handle(event: dict[str, Any]) -> str:
        obj = event["data"]["object"]
        intent_id = obj.get("payment_intent") or ""
        payment = StripePayment.objects.filter(intent_id=intent_id).first() if intent_id else None
        if payment is None:
            return "unknown intent"
        return handler(event, obj, payment)

    return handle


@_of_our_intent
def _charge_refunded(event: dict[str, Any], charge: dict[str, Any], payment: StripePayment) -> str:
    """Refunds of a charge, our own or made in Stripe's dashboard: each becomes a recorded refund."""
    listed = (charge.get("refunds") or {}).get("data")
    refunds = listed if listed is not None else stripe_gateway.refunds_of_intent(intent_id=payment.intent_id)
    for refund in refunds:
        refund_record(payment=payment, refund=refund, event_id=event["id"])
    return "refunds recorded"


@_of_our_intent
def _refund_updated(event: dict[str, Any], refund: dict[str, Any], payment: StripePayment) -> str:
    refund_record(payment=payment, refund=refund, event_id=event["id"])
    return "refund recorded"


@_of_our_intent
def _dispute(event: dict[str, Any], dispute: dict[str, Any], payment: StripePayment) -> str:
    detail = (
        f"{event['type']}: {dispute.get('reason', '')}, {dispute.get('status', '')}, "
        f"{format_vnd(int(dispute.get('amount') or 0))}"
    )
    payment_flag_add(
        order_id=payment.order_id,
        kind=FlagKind.DISPUTE,
        key=f"event:{event['id']}",
        detail=detail,
        event_id=event["id"],
    )
    return "flagged"


HANDLERS = {
    "payment_intent.succeeded": _intent_event,
    "payment_intent.payment_failed": _intent_event,
    "payment_intent.canceled": _intent_event,
    "charge.refunded": _charge_refunded,
    "charge.refund.updated": _refund_updated,
    "refund.created": _refund_updated,
    "refund.updated": _refund_updated,
    "refund.failed": _refund_updated,
}


# --- Refunds -------------------------------------------------------------------------------------
def refund_request(*, suborder: SubOrder, reason: str, payment: StripePayment | None = None) -> Refund | None:
    """Ask Stripe to refund what the card paid for a sub-order (its total, or a pre-order's
    deposit: `selectors.card_amount`). Call it inside the transaction that
    cancels the sub-order: the `requested` row and its outbox record commit (or not) with it."""
    payment = payment or selectors.stripe_payment_paying(suborder)
    if payment is None:
        return None
    key = f"chohtx-refund-{suborder.number}"
    if reason != RefundReason.CANCELLED:
        key = f"{key}-{payment.intent_id}"
    if Refund.objects.filter(key=key).exists():
        return None
    row = Refund.objects.create(
        key=key,
        order_id=suborder.order_id,
        suborder=suborder,
        payment=payment,
        amount=selectors.card_amount(suborder),
        status=RefundStatus.REQUESTED,
        reason=reason,
    )
    outbox_add(key=f"stripe-refund:{key}", task=f"{TASKS}.stripe_refund_send", refund_id=row.pk)
    return row


def return_refund_request(*, suborder: SubOrder, amount: int, key: str) -> Refund | None:
    """Ask Stripe to refund `amount` of a card-paid sub-order for a return (part of what was paid).
    Call it inside the return's transaction: the `requested` row and its outbox record commit with it."""
    payment = selectors.stripe_payment_paying(suborder)
    if payment is None or Refund.objects.filter(key=key).exists():
        return None
    row = Refund.objects.create(
        key=key,
        order_id=suborder.order_id,
        suborder=suborder,
        payment=payment,
        amount=amount,
        status=RefundStatus.REQUESTED,
        reason=RefundReason.RETURNED,
    )
    outbox_add(key=f"stripe-refund:{key}", task=f"{TASKS}.stripe_refund_send", refund_id=row.pk)
    return row


def stripe_refund_send(*, refund_id: int) -> str:
    """The outbox task: send a requested refund to Stripe (once: the key is Stripe's idempotency
    key, so a retry gets the same refund back) and record Stripe's answer."""
    requested = Refund.objects.select_related("payment", "suborder").get(pk=refund_id)
    latest = selectors.refund_latest(requested.key)
    if latest and latest.stripe_refund_id:
        return latest.stripe_refund_id
    if requested.payment is None:  # a refund made in Stripe's dashboard: nothing to send
        return ""
    result = stripe_gateway.refund_create(
        intent_id=requested.payment.intent_id,
        amount=requested.amount,
        key=requested.key,
        metadata={
            "refund_key": requested.key,
            "suborder": requested.suborder.number if requested.suborder else "",
        },
    )
    with transaction.atomic():
        _refund_row_add(requested, stripe_refund_id=result.id, status=result.status)
    return result.id


def _refund_row_add(
    previous: Refund, *, stripe_refund_id: str, status: str, event_id: str = ""
) -> Refund | None:
    """A new row for a refund whose status changed; the sub-order follows (refunded, or a flag)."""
    latest = selectors.refund_latest(previous.key)
    if latest and latest.status == status and latest.stripe_refund_id == stripe_refund_id:
        return None
    if status not in RefundStatus.values:
        status = RefundStatus.PENDING
    row = Refund.objects.create(
        key=previous.key,
        order_id=previous.order_id,
        suborder=previous.suborder,
        payment=previous.payment,
        stripe_refund_id=stripe_refund_id,
        amount=previous.amount,
        status=status,
        reason=previous.reason,
    )
    _suborder_after_refund(row, event_id=event_id)
    return row


def _suborder_after_refund(row: Refund, *, event_id: str = "") -> None:
    if row.status in REFUND_ACCEPTED and row.reason == RefundReason.RETURNED:
        from marketplace.returns.services import return_card_refunded

        return_card_refunded(key=row.key)
    elif row.status in REFUND_ACCEPTED and row.suborder_id and row.reason != RefundReason.PAID_TWICE:
        suborder_refunded(suborder_id=row.suborder_id, amount=row.amount)
    if row.status in REFUND_ACCEPTED:
        ledger.refund_accepted(row)
    if row.status in (RefundStatus.FAILED, RefundStatus.CANCELED):
        payment_flag_add(
            order_id=row.order_id,
            kind=FlagKind.REFUND_FAILED,
            key=f"refund-failed:{row.key}:{row.status}",
            detail=f"{row.stripe_refund_id}: {format_vnd(row.amount)} {row.status}",
            event_id=event_id,
        )


def refund_record(*, payment: StripePayment, refund: dict[str, Any], event_id: str = "") -> Refund | None:
    """A refund Stripe told us about: ours (a new status row) or made in Stripe's dashboard (a new
    refund, attributed to the card sub-order whose amount it is, else flagged for staff)."""
    refund_id, status = refund["id"], refund.get("status") or RefundStatus.PENDING
    known = Refund.objects.filter(stripe_refund_id=refund_id).order_by("pk").first()
    ours = (refund.get("metadata") or {}).get("refund_key", "")
    if known is None and ours:
        known = Refund.objects.filter(key=ours).order_by("pk").first()
    if known is not None:
        return _refund_row_add(known, stripe_refund_id=refund_id, status=status, event_id=event_id)
    amount = int(refund.get("amount") or 0)
    suborder = _suborder_for_amount(payment, amount)
    row = Refund.objects.create(
        key=refund_id,
        order_id=payment.order_id,
        suborder=suborder,
        payment=payment,
        stripe_refund_id=refund_id,
        amount=amount,
        status=status if status in RefundStatus.values else RefundStatus.PENDING,
        reason=RefundReason.STRIPE_DASHBOARD,
    )
    if suborder is None:
        payment_flag_add(
            order_id=payment.order_id,
            kind=FlagKind.UNMATCHED_REFUND,
            key=f"unmatched-refund:{refund_id}",
            detail=f"{refund_id}: {format_vnd(amount)}",
            event_id=event_id,
        )
    _suborder_after_refund(row, event_id=event_id)
    return row


def _suborder_for_amount(payment: StripePayment, amount: int) -> SubOrder | None:
    """The paid, not yet refunded card sub-order of this intent whose card amount is exactly `amount`."""
    for suborder in payment.suborders.filter(payment_status=PaymentStatus.PAID).order_by("pk"):
        if selectors.card_amount(suborder) == amount and not suborder.refunds.exists():
            return suborder
    return None


# --- Card payment timers -------------------------------------------------------------------------
# One pair per order (one card payment covers all its card sub-orders): a reminder an hour after
# placing, and cancellation a day after (stock released; a payment that lands later is refunded).
CARD_REMIND_AFTER = timedelta(hours=1)
CARD_CANCEL_AFTER = timedelta(hours=24)


def card_timers_add(order: Order) -> None:
    """Inside the placing transaction of an order paid by card."""
    payment_timers_add(
        kind="card",
        number=order.number,
        placed=order.date_placed or timezone.now(),
        remind=(f"{TASKS}.card_payment_remind", CARD_REMIND_AFTER),
        cancel=(f"{TASKS}.card_payment_expire", CARD_CANCEL_AFTER),
        order_id=order.pk,
    )


def card_payment_remind(*, order_id: int) -> bool:
    """An hour on: remind the buyer once to pay what is still owed by card. True if reminded."""
    with transaction.atomic():
        reminded = selectors.card_suborders_payable(order_id=order_id).filter(reminded_at__isnull=True)
        if not reminded.update(reminded_at=timezone.now()):
            return False
        order = Order.objects.get(pk=order_id)
        outbox_add(key=f"card-reminder:{order.number}", task=f"{TASKS}.card_reminder_send", order_id=order_id)
    return True


def card_payment_expire(*, order_id: int) -> int:
    """A day on: cancel the card sub-orders still unpaid (stock released) and the open intents.
    Returns how many sub-orders were cancelled."""
    cancelled = 0
    with transaction.atomic():
        for suborder in selectors.card_suborders_payable(order_id=order_id).select_for_update():
            try:
                suborder_cancel(suborder_id=suborder.pk, reason_code=CancelReason.CARD_EXPIRED)
            except SubOrderActionRefused:
                continue
            cancelled += 1
        for payment in StripePayment.objects.filter(order_id=order_id, status__in=OPEN_INTENT):
            _intent_cancel_later(payment)
    return cancelled


def refund_request_for_cancelled(*, suborder_id: int) -> int:
    """Request (once) the refund of a cancelled, card-paid sub-order. Returns the refund row id."""
    with transaction.atomic():
        suborder = SubOrder.objects.select_for_update().get(pk=suborder_id)
        if suborder.status != SubOrderStatus.CANCELLED or suborder.payment_status != PaymentStatus.PAID:
            return 0
        row = refund_request(suborder=suborder, reason=RefundReason.CANCELLED)
    return row.pk if row else 0
