"""The sub-order life cycle: its status steps (each one line of the timeline, and the buyer's email
through the outbox), cancellation and what it means for the payment, payments received, refunds,
and the whole order's status derived from its sub-orders."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from marketplace.core.money import format_vnd
from marketplace.ledger import services as ledger
from marketplace.outbox.services import outbox_add
from payments.registry import method_for

from ..batches import batch_keeper
from ..exceptions import SubOrderActionRefused
from ..models import (
    CancelReason,
    EventNote,
    Order,
    OrderStatus,
    PaymentStatus,
    SubOrder,
    SubOrderEvent,
    SubOrderStatus,
)
from .stock import search_stock_refresh, stock_consume, stock_release

if TYPE_CHECKING:
    from marketplace.users.models import User

TASKS = "marketplace.order.tasks"
S = SubOrderStatus
CANCELLABLE = {S.NEW, S.CONFIRMED, S.PACKED}  # a cooperative may cancel until the parcel leaves


# --- Overall status -------------------------------------------------------------------------------
def overall_status(statuses: list[str]) -> str:
    """The order's status code (`OrderStatus`) from its sub-orders' codes."""
    live = [status for status in statuses if status != S.CANCELLED]
    if not live:
        return OrderStatus.CANCELLED
    if all(status == S.COMPLETED for status in live):
        return OrderStatus.COMPLETED
    if all(status in (S.DELIVERED, S.COMPLETED) for status in live):
        return OrderStatus.DELIVERED
    if any(status in (S.SHIPPED, S.DELIVERED, S.COMPLETED) for status in live):
        return OrderStatus.SHIPPED
    if any(status in (S.CONFIRMED, S.PACKED) for status in live):
        return OrderStatus.PROCESSING
    return OrderStatus.NEW


def order_status_sync(*, order_id: int) -> str:
    statuses = list(SubOrder.objects.filter(order_id=order_id).values_list("status", flat=True))
    status = overall_status(statuses)
    Order.objects.filter(pk=order_id).update(status=status)
    return status


# --- Steps ----------------------------------------------------------------------------------------
def event_add(
    suborder: SubOrder,
    *,
    note: str = "",
    note_code: str = "",
    note_params: dict[str, str] | None = None,
    status: str = "",
    actor: User | None = None,
) -> SubOrderEvent:
    """One line of the sub-order's timeline, and the buyer's email about it (through the outbox).
    `note` is what a person typed; fixed notes are codes (`EventNote`), translated on display."""
    event = SubOrderEvent.objects.create(
        suborder=suborder,
        status=status,
        note=note,
        note_code=note_code,
        note_params=note_params or {},
        actor=actor,
    )
    outbox_add(key=f"suborder-event:{event.pk}", task=f"{TASKS}.suborder_event_notify", event_id=event.pk)
    return event


def _step(
    *,
    suborder_id: int,
    allowed: set[SubOrderStatus],
    to: SubOrderStatus,
    note: str = "",
    note_code: str = "",
    note_params: dict[str, str] | None = None,
    actor: User | None = None,
    refusal: str = "",
    batches: Mapping[int, int] | None = None,
    **fields: Any,
) -> SubOrder:
    with transaction.atomic():
        suborder = SubOrder.objects.select_for_update().get(pk=suborder_id)
        if suborder.status not in allowed:
            raise SubOrderActionRefused(
                refusal
                or _("Không thể chuyển đơn %(number)s từ “%(status)s” sang “%(to)s”.")
                % {
                    "number": suborder.number,
                    "status": suborder.get_status_display(),
                    "to": S(to).label,
                }
            )
        if to in (S.PACKED, S.SHIPPED):  # the batch each line leaves from (once; packing chooses)
            batch_keeper().assign(suborder, batches or {})
        suborder.status = to
        for name, value in fields.items():
            setattr(suborder, name, value)
        suborder.save()
        event = event_add(
            suborder, status=to, note=note, note_code=note_code, note_params=note_params, actor=actor
        )
        if to == S.SHIPPED:
            stock_consume(suborder)
        if to == S.CANCELLED:
            stock_release(suborder)
            batch_keeper().release(suborder)  # after the reservations: stock kept by batch is recomputed
        if to in (S.SHIPPED, S.CANCELLED):  # the in-stock facet and Elasticsearch's documents
            product_ids = suborder.lines.values_list("product_id", flat=True)
            search_stock_refresh(key=f"suborder-event:{event.pk}", product_ids=product_ids)
        order_status_sync(order_id=suborder.order_id)
    return suborder


def suborder_confirm(*, suborder_id: int, actor: User | None = None) -> SubOrder:
    return _step(suborder_id=suborder_id, allowed={S.NEW}, to=S.CONFIRMED, actor=actor)


def suborder_pack(
    *, suborder_id: int, actor: User | None = None, batches: Mapping[int, int] | None = None
) -> SubOrder:
    """Packed. `batches` maps a line id to the batch it leaves from (0: none); lines not in it
    leave from the batch expiring first (marketplace/order/batches.py)."""
    return _step(suborder_id=suborder_id, allowed={S.CONFIRMED}, to=S.PACKED, actor=actor, batches=batches)


def suborder_ship(
    *, suborder_id: int, carrier: str, tracking_code: str, actor: User | None = None
) -> SubOrder:
    carrier, tracking_code = carrier.strip(), tracking_code.strip()
    if not carrier or not tracking_code:
        raise SubOrderActionRefused(_("Hãy nhập tên đơn vị vận chuyển và mã vận đơn."))
    return _step(
        suborder_id=suborder_id,
        allowed={S.CONFIRMED, S.PACKED},
        to=S.SHIPPED,
        note_code=EventNote.SHIPPED_WITH,
        note_params={"carrier": carrier, "code": tracking_code},
        actor=actor,
        carrier=carrier,
        tracking_code=tracking_code,
    )


def suborder_deliver(*, suborder_id: int, actor: User | None = None) -> SubOrder:
    """Delivered. Cash on delivery is paid now: the cooperative collected the cash. So is a card
    pre-order whose deposit was paid by card: the cooperative collected the rest in cash."""
    from marketplace.preorders.selectors import card_deposit_paid

    suborder = SubOrder.objects.get(pk=suborder_id)
    fields: dict[str, Any] = {}
    by_card = card_deposit_paid(suborder) if suborder.payment_status == PaymentStatus.PENDING else None
    if suborder.payment_status == PaymentStatus.PENDING and (
        suborder.payment_method == "cod" or by_card is not None
    ):
        fields = {"payment_status": PaymentStatus.PAID, "paid_at": timezone.now()}
    with transaction.atomic():  # the sale enters the ledger with the delivery, or neither does
        suborder = _step(suborder_id=suborder_id, allowed={S.SHIPPED}, to=S.DELIVERED, actor=actor, **fields)
        if fields:
            ledger.suborder_paid(suborder, by_card=by_card)
    return suborder


def suborder_complete(*, suborder_id: int, actor: User | None = None) -> SubOrder:
    return _step(suborder_id=suborder_id, allowed={S.DELIVERED}, to=S.COMPLETED, actor=actor)


# --- Cancelling -----------------------------------------------------------------------------------
def suborder_cancel(
    *, suborder_id: int, reason: str = "", reason_code: str = "", actor: User | None = None
) -> SubOrder:
    """The cooperative cancels before shipping, with a reason; the stock is released. The system
    cancels with a `reason_code` (`CancelReason`), shown in the reader's language."""
    reason = reason.strip()
    if not reason and not reason_code:
        raise SubOrderActionRefused(_("Hãy cho người mua biết lý do huỷ đơn."))
    with transaction.atomic():  # the refund's outbox record commits with the cancel, or neither does
        suborder = _step(
            suborder_id=suborder_id,
            allowed=CANCELLABLE,
            to=S.CANCELLED,
            note=reason,
            note_code=EventNote(reason_code) if reason_code else "",
            actor=actor,
            refusal=_("Đơn đã giao cho đơn vị vận chuyển thì không thể huỷ nữa."),
            cancel_reason=reason,
            cancel_code=reason_code,
        )
        _payment_after_cancel(suborder)
    return suborder


def suborder_cancel_by_buyer(*, suborder_id: int, actor: User | None = None) -> SubOrder:
    """The buyer cancels, only while the cooperative has not confirmed yet."""
    with transaction.atomic():  # the refund's outbox record commits with the cancel, or neither does
        suborder = _step(
            suborder_id=suborder_id,
            allowed={S.NEW},
            to=S.CANCELLED,
            note_code=EventNote.BUYER_CANCELLED,
            actor=actor,
            refusal=_("Hợp tác xã đã xác nhận đơn này; hãy liên hệ hợp tác xã nếu bạn muốn huỷ."),
            cancel_code=CancelReason.BUYER_CANCELLED,
        )
        _payment_after_cancel(suborder)
    return suborder


def _payment_after_cancel(suborder: SubOrder) -> None:
    """Inside the cancelling transaction: nothing more to collect, or the card payment to refund
    (the payment method's refund: its records commit together with the cancellation)."""
    from marketplace.preorders.refunds import deposit_refund_after_cancel

    ledger.suborder_cancelled(suborder)
    deposit_refund_after_cancel(suborder)  # a pre-order's deposit, paid to the cooperative, goes back
    if suborder.payment_status == PaymentStatus.PENDING:
        SubOrder.objects.filter(pk=suborder.pk).update(payment_status=PaymentStatus.VOID)
        suborder.payment_status = PaymentStatus.VOID
    elif suborder.payment_status == PaymentStatus.PAID:
        method_for(suborder.payment_method).cancelled_after_payment(suborder)


# --- Payments -------------------------------------------------------------------------------------
def suborder_payment_received(*, suborder_id: int, actor: User | None = None) -> SubOrder:
    """The cooperative saw the VietQR transfer arrive in its account."""
    with transaction.atomic():
        suborder = SubOrder.objects.select_for_update().get(pk=suborder_id)
        if suborder.status == S.CANCELLED:
            raise SubOrderActionRefused(_("Đơn này đã bị huỷ."))
        if suborder.payment_method != "vietqr":
            raise SubOrderActionRefused(_("Đơn này không thanh toán bằng chuyển khoản."))
        if suborder.payment_status == PaymentStatus.PAID:
            return suborder
        suborder.payment_status = PaymentStatus.PAID
        suborder.paid_at = timezone.now()
        suborder.save(update_fields=["payment_status", "paid_at", "updated_at"])
        event_add(suborder, note_code=EventNote.TRANSFER_RECEIVED, actor=actor)
        ledger.suborder_paid(suborder)
    return suborder


def suborder_card_paid(*, suborder_id: int) -> bool:
    """Stripe confirmed the card payment that covers this sub-order. True if it was unpaid."""
    with transaction.atomic():
        paid = SubOrder.objects.filter(pk=suborder_id, payment_status=PaymentStatus.PENDING).update(
            payment_status=PaymentStatus.PAID, paid_at=timezone.now()
        )
        if paid:
            suborder = SubOrder.objects.get(pk=suborder_id)
            event_add(suborder, note_code=EventNote.CARD_PAID)
            ledger.suborder_paid(suborder)
    return bool(paid)


def suborder_refunded(*, suborder_id: int, amount: int) -> bool:
    """Stripe accepted the refund of this sub-order's card payment: the buyer is told once."""
    with transaction.atomic():
        refunded = (
            SubOrder.objects.filter(pk=suborder_id)
            .exclude(payment_status=PaymentStatus.REFUNDED)
            .update(payment_status=PaymentStatus.REFUNDED)
        )
        if refunded:
            event_add(
                SubOrder.objects.get(pk=suborder_id),
                note_code=EventNote.CARD_REFUNDED,
                note_params={"amount": format_vnd(amount)},
            )
    return bool(refunded)
