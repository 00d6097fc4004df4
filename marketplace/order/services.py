"""Order-side services: numbering, stock, sub-orders per cooperative and their life cycle, emails."""

from __future__ import annotations

from django.contrib.sites.models import Site
from django.db import connection, transaction
from django.db.models import F, Value
from django.db.models.functions import Coalesce, Greatest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from oscar.core.loading import get_class, get_model

from marketplace.core.money import format_vnd
from marketplace.ledger import services as ledger
from marketplace.notifications.services import notification_send_once
from marketplace.outbox.services import outbox_add

from . import emails
from .exceptions import OutOfStock, SubOrderActionRefused
from .models import (
    CancelReason,
    EventNote,
    OrderNumberCounter,
    OrderStatus,
    PaymentStatus,
    SubOrder,
    SubOrderEvent,
    SubOrderStatus,
)

Order = get_model("order", "Order")
StockRecord = get_model("partner", "StockRecord")
OrderDispatcher = get_class("order.utils", "OrderDispatcher")

ORDER_NUMBER_SEQUENCE = "chohtx_order_number"
ORDER_NUMBER_START = 100000
TASKS = "marketplace.order.tasks"
SEARCH_REINDEX = "search.tasks.products_reindex"
S = SubOrderStatus
CARD = "stripe"


# --- Numbers and stock ---------------------------------------------------------------------------
def order_number_next() -> str:
    """A unique order number from a database sequence (PostgreSQL) or a counter row (SQLite)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT nextval(%s)", [ORDER_NUMBER_SEQUENCE])
            return str(cursor.fetchone()[0])
    while True:
        counter, __ = OrderNumberCounter.objects.get_or_create(
            name="order", defaults={"value": ORDER_NUMBER_START}
        )
        taken = OrderNumberCounter.objects.filter(pk=counter.pk, value=counter.value).update(
            value=counter.value + 1
        )
        if taken:
            return str(counter.value + 1)


def stock_allocate(*, stockrecord_id: int, quantity: int, title: str) -> None:
    """Reserve `quantity` only if that many are free, in one conditional UPDATE."""
    allocated = Coalesce(F("num_allocated"), Value(0))
    reserved = StockRecord.objects.filter(pk=stockrecord_id, num_in_stock__gte=allocated + quantity).update(
        num_allocated=allocated + quantity
    )
    if not reserved:
        raise OutOfStock(
            _(
                "Rất tiếc, “%(title)s” vừa hết hàng: người khác đã mua trước. "
                "Hãy bớt số lượng hoặc chọn sản phẩm khác."
            )
            % {"title": title}
        )


def search_stock_refresh(*, key: str, product_ids) -> None:
    """Stock moved by a conditional UPDATE, which fires no signal: record, in the caller's
    transaction, one outbox message that re-indexes these products (written once per `key`)."""
    product_ids = sorted({pk for pk in product_ids if pk is not None})
    if product_ids:
        outbox_add(key=f"search:stock:{key}", task=SEARCH_REINDEX, product_ids=product_ids)


def _stock_release(suborder: SubOrder) -> None:
    for line in suborder.lines.filter(allocation_cancelled=False, stockrecord__isnull=False):
        StockRecord.objects.filter(pk=line.stockrecord_id).update(
            num_allocated=Greatest(Coalesce(F("num_allocated"), Value(0)) - line.quantity, Value(0))
        )
        line.allocation_cancelled = True
        line.save(update_fields=["allocation_cancelled"])


def _stock_consume(suborder: SubOrder) -> None:
    for line in suborder.lines.filter(allocation_cancelled=False, stockrecord__isnull=False):
        StockRecord.objects.filter(pk=line.stockrecord_id).update(
            num_allocated=Greatest(Coalesce(F("num_allocated"), Value(0)) - line.quantity, Value(0)),
            num_in_stock=Greatest(F("num_in_stock") - line.quantity, Value(0)),
        )


# --- Placing --------------------------------------------------------------------------------------
def basket_lock_for_placement(*, basket_id: int):
    """Lock the basket's row for the placing transaction; the order already placed from it, if any
    (a concurrent submission of the same basket waits for the lock, then finds that order)."""
    Basket = get_model("basket", "Basket")
    list(Basket.objects.select_for_update().filter(pk=basket_id).values_list("pk", flat=True))
    return Order.objects.filter(basket_id=basket_id).order_by("pk").first()


def order_payment_method(order) -> str:
    return SubOrder.objects.filter(order=order).values_list("payment_method", flat=True).first() or ""


def order_split(*, order, groups, payment_method: str) -> list[SubOrder]:
    """One sub-order per cooperative, plus the outbox records for the emails. Call it inside the
    transaction that placed the order."""
    suborders = []
    for index, group in enumerate(groups, start=1):
        option = group.chosen
        suborder = SubOrder.objects.create(
            order=order,
            partner=group.partner,
            number=f"{order.number}-{index}",
            payment_method=payment_method,
            shipping_code=option.code if option else "",
            shipping_label=str(option.label) if option else "",
            shipping_detail=option.detail if option else "",
            shipping_charge=group.shipping_fee,
            lines_total=group.subtotal,
            total=group.total,
            payee_bank_bin=group.partner.bank_bin,
            payee_account_number=group.partner.bank_account_number,
            payee_account_holder=group.partner.bank_account_holder,
        )
        SubOrderEvent.objects.create(suborder=suborder, status=S.NEW, note_code=EventNote.PLACED)
        ledger.suborder_placed(suborder)
        outbox_add(
            key=f"suborder-placed:{suborder.number}",
            task=f"{TASKS}.suborder_placed_notify",
            suborder_id=suborder.pk,
        )
        if payment_method == "vietqr":
            vietqr_timers_add(suborder)
        suborders.append(suborder)
    if payment_method == CARD:
        card_timers_add(order)
    outbox_add(key=f"order-placed:{order.number}", task=f"{TASKS}.order_confirmation_send", order_id=order.pk)
    search_stock_refresh(
        key=f"order-placed:{order.number}", product_ids=order.lines.values_list("product_id", flat=True)
    )
    order_status_sync(order_id=order.pk)
    return suborders


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


# --- The sub-order life cycle --------------------------------------------------------------------
CANCELLABLE = {S.NEW, S.CONFIRMED, S.PACKED}  # a cooperative may cancel until the parcel leaves


def _event_add(
    suborder: SubOrder,
    *,
    note: str = "",
    note_code: str = "",
    note_params: dict | None = None,
    status: str = "",
    actor=None,
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
    allowed: set,
    to: str,
    note: str = "",
    note_code: str = "",
    note_params: dict | None = None,
    actor=None,
    refusal: str = "",
    **fields,
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
        suborder.status = to
        for name, value in fields.items():
            setattr(suborder, name, value)
        suborder.save()
        event = _event_add(
            suborder, status=to, note=note, note_code=note_code, note_params=note_params, actor=actor
        )
        if to == S.SHIPPED:
            _stock_consume(suborder)
        if to == S.CANCELLED:
            _stock_release(suborder)
        if to in (S.SHIPPED, S.CANCELLED):  # the in-stock facet and Elasticsearch's documents
            product_ids = suborder.lines.values_list("product_id", flat=True)
            search_stock_refresh(key=f"suborder-event:{event.pk}", product_ids=product_ids)
        order_status_sync(order_id=suborder.order_id)
    return suborder


def suborder_confirm(*, suborder_id: int, actor=None) -> SubOrder:
    return _step(suborder_id=suborder_id, allowed={S.NEW}, to=S.CONFIRMED, actor=actor)


def suborder_pack(*, suborder_id: int, actor=None) -> SubOrder:
    return _step(suborder_id=suborder_id, allowed={S.CONFIRMED}, to=S.PACKED, actor=actor)


def suborder_ship(*, suborder_id: int, carrier: str, tracking_code: str, actor=None) -> SubOrder:
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


def suborder_deliver(*, suborder_id: int, actor=None) -> SubOrder:
    """Delivered. Cash on delivery is paid now: the cooperative collected the cash."""
    suborder = SubOrder.objects.get(pk=suborder_id)
    fields = {}
    if suborder.payment_method == "cod" and suborder.payment_status == PaymentStatus.PENDING:
        fields = {"payment_status": PaymentStatus.PAID, "paid_at": timezone.now()}
    with transaction.atomic():  # the sale enters the ledger with the delivery, or neither does
        suborder = _step(suborder_id=suborder_id, allowed={S.SHIPPED}, to=S.DELIVERED, actor=actor, **fields)
        if fields:
            ledger.suborder_paid(suborder)
    return suborder


def suborder_complete(*, suborder_id: int, actor=None) -> SubOrder:
    return _step(suborder_id=suborder_id, allowed={S.DELIVERED}, to=S.COMPLETED, actor=actor)


def suborder_cancel(*, suborder_id: int, reason: str = "", reason_code: str = "", actor=None) -> SubOrder:
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


def suborder_cancel_by_buyer(*, suborder_id: int, actor=None) -> SubOrder:
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
    (its `requested` refund row and outbox record commit together with the cancellation)."""
    from payments.models import RefundReason
    from payments.services import refund_request

    ledger.suborder_cancelled(suborder)
    if suborder.payment_status == PaymentStatus.PENDING:
        SubOrder.objects.filter(pk=suborder.pk).update(payment_status=PaymentStatus.VOID)
        suborder.payment_status = PaymentStatus.VOID
    elif suborder.payment_method == CARD and suborder.payment_status == PaymentStatus.PAID:
        refund_request(suborder=suborder, reason=RefundReason.CANCELLED)


def suborder_payment_received(*, suborder_id: int, actor=None) -> SubOrder:
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
        _event_add(suborder, note_code=EventNote.TRANSFER_RECEIVED, actor=actor)
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
            _event_add(suborder, note_code=EventNote.CARD_PAID)
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
            _event_add(
                SubOrder.objects.get(pk=suborder_id),
                note_code=EventNote.CARD_REFUNDED,
                note_params={"amount": format_vnd(amount)},
            )
    return bool(refunded)


# --- VietQR timers --------------------------------------------------------------------------------
# Written into the outbox with the order (due 24 and 72 hours later); the beat dispatcher hands them
# to Celery when due. Each does nothing if the transfer has arrived or the sub-order moved on.
REMIND_AFTER = timezone.timedelta(hours=24)
CANCEL_AFTER = timezone.timedelta(hours=72)
UNPAID = {"payment_method": "vietqr", "payment_status": PaymentStatus.PENDING}


def vietqr_timers_add(suborder: SubOrder) -> None:
    placed = suborder.created_at
    outbox_add(
        key=f"vietqr-remind-timer:{suborder.number}",
        task=f"{TASKS}.vietqr_remind",
        due_at=placed + REMIND_AFTER,
        suborder_id=suborder.pk,
    )
    outbox_add(
        key=f"vietqr-cancel-timer:{suborder.number}",
        task=f"{TASKS}.vietqr_cancel",
        due_at=placed + CANCEL_AFTER,
        suborder_id=suborder.pk,
    )


# --- Card payment timers -------------------------------------------------------------------------
# One pair per order (one card payment covers all its card sub-orders): a reminder an hour after
# placing, and cancellation a day after (stock released; a payment that lands later is refunded).
CARD_REMIND_AFTER = timezone.timedelta(hours=1)
CARD_CANCEL_AFTER = timezone.timedelta(hours=24)


def card_timers_add(order) -> None:
    placed = order.date_placed or timezone.now()
    outbox_add(
        key=f"card-remind-timer:{order.number}",
        task="payments.tasks.card_payment_remind",
        due_at=placed + CARD_REMIND_AFTER,
        order_id=order.pk,
    )
    outbox_add(
        key=f"card-cancel-timer:{order.number}",
        task="payments.tasks.card_payment_expire",
        due_at=placed + CARD_CANCEL_AFTER,
        order_id=order.pk,
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


# --- Emails (called by tasks; each sent once) -----------------------------------------------------
def order_status_path(order) -> str:
    if order.is_anonymous:
        return reverse(
            "customer:anon-order",
            kwargs={"order_number": order.number, "hash": order.verification_hash()},
        )
    return reverse("orders:detail", kwargs={"number": order.number})


def order_confirmation_send(*, order_id: int, sent_by: str = "") -> bool:
    """Email the buyer the order confirmation (with VietQR codes), once. True if sent now."""
    order = Order.objects.filter(pk=order_id).select_related("user").first()
    if order is None:
        return False

    def send():
        suborders = emails.suborders_with_payment(order)
        context = {
            "order": order,
            "lines": order.lines.all(),
            "status_path": order_status_path(order),
            "user": order.user,
            "suborders": suborders,
        }
        OrderDispatcher().send_order_placed_email_for_user(
            order, context, attachments=emails.qr_attachments(suborders)
        )

    return notification_send_once(
        key=f"order-placed:{order.number}", recipient=order.email, send=send, sent_by=sent_by
    )


def suborder_placed_notify(*, suborder_id: int, sent_by: str = "") -> bool:
    suborder = SubOrder.objects.select_related("order", "partner").filter(pk=suborder_id).first()
    if suborder is None or not suborder.partner.email:
        return False
    return notification_send_once(
        key=f"suborder-placed:{suborder.number}",
        recipient=suborder.partner.email,
        send=lambda: emails.send("cooperative_new_order", suborder.partner.email, {"suborder": suborder}),
        sent_by=sent_by,
    )


def suborder_event_notify(*, event_id: int, sent_by: str = "") -> bool:
    event = (
        SubOrderEvent.objects.select_related("suborder__order", "suborder__partner")
        .filter(pk=event_id)
        .first()
    )
    if event is None or not event.suborder.order.email:
        return False
    order = event.suborder.order
    status_url = f"https://{Site.objects.get_current().domain}{order_status_path(order)}"
    context = {"event": event, "suborder": event.suborder, "order": order, "status_url": status_url}
    return notification_send_once(
        key=f"suborder-event:{event.pk}",
        recipient=order.email,
        send=lambda: emails.send("buyer_suborder_update", order.email, context),
        sent_by=sent_by,
    )


def vietqr_reminder_send(*, suborder_id: int, sent_by: str = "") -> bool:
    suborder = SubOrder.objects.select_related("order", "partner").filter(pk=suborder_id).first()
    if suborder is None or suborder.payment_status != PaymentStatus.PENDING:
        return False
    order = suborder.order
    payment = emails.suborders_with_payment(order, only=suborder)
    context = {"suborder": suborder, "order": order, "payment": payment[0] if payment else None}
    return notification_send_once(
        key=f"vietqr-reminder:{suborder.number}",
        recipient=order.email,
        send=lambda: emails.send("buyer_vietqr_reminder", order.email, context),
        sent_by=sent_by,
    )
