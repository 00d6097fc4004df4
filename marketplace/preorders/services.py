"""Pre-order writes: a cooperative offers a product for pre-order and edits the offer, moves its
delivery dates (each buyer of a live pre-order is emailed once, through the outbox, in the same
transaction), records a deposit received and a deposit paid back; Stripe's webhook records a deposit
paid by card; the deposit transfer's timers remind the buyer, then cancel the pre-order (its units
go back to the cap); a buyer cancels after a date move (the deposit's refund is recorded by the
cancellation, `refunds.deposit_refund_after_cancel`)."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from marketplace.core.money import format_vnd
from marketplace.order.exceptions import SubOrderActionRefused
from marketplace.order.models import CancelReason, EventNote, SubOrder, SubOrderStatus
from marketplace.order.services import event_add, suborder_cancel
from marketplace.order.services.lifecycle import CANCELLABLE
from marketplace.order.services.timers import CANCEL_AFTER, REMIND_AFTER, payment_timers_add
from marketplace.outbox.services import outbox_add
from payments.models import Refund, RefundReason, RefundStatus
from payments.selectors import refund_latest

from . import selectors
from .models import DateChange, DepositKind, DepositReceipt, PreorderOffer
from .refunds import deposit_refund_key

TASKS = "marketplace.preorders.tasks"


def offer_save(
    *,
    partner: Any,
    product: Any,
    order_from: date,
    order_until: date,
    deliver_from: date,
    deliver_until: date,
    cap: int,
    deposit_kind: str = DepositKind.NONE,
    deposit_value: int = 0,
    actor: Any = None,
) -> PreorderOffer:
    """Create or edit the product's offer. Moving the delivery dates of an offer that buyers hold
    goes through `offer_dates_move` (they are told). The cap cannot go below what is held."""
    with transaction.atomic():
        offer = PreorderOffer.objects.select_for_update().filter(product=product).first()
        if offer is not None and offer.partner_id != partner.pk:
            raise ValidationError(_("Sản phẩm này không thuộc hợp tác xã của bạn."))
        if offer is not None:
            taken = selectors.held(offer)
            if cap < taken:
                raise ValidationError(
                    _("Đã có %(n)s suất được đặt, nên số suất tối đa không thể ít hơn %(n)s.") % {"n": taken}
                )
        if deposit_kind == DepositKind.NONE:
            deposit_value = 0
        selectors.current_offers_forget()
        fields = {
            "order_from": order_from,
            "order_until": order_until,
            "cap": cap,
            "deposit_kind": deposit_kind,
            "deposit_value": deposit_value,
        }
        if offer is None:
            return PreorderOffer.objects.create(
                product=product,
                partner=partner,
                deliver_from=deliver_from,
                deliver_until=deliver_until,
                **fields,
            )
        for name, value in fields.items():
            setattr(offer, name, value)
        offer.save()
        if (offer.deliver_from, offer.deliver_until) != (deliver_from, deliver_until):
            offer_dates_move(
                offer_id=offer.pk, deliver_from=deliver_from, deliver_until=deliver_until, actor=actor
            )
            offer.refresh_from_db()
    return offer


def offer_dates_move(
    *, offer_id: int, deliver_from: date, deliver_until: date, actor: Any = None
) -> DateChange:
    """Move the delivery dates; every buyer of a live pre-order of this offer gets one email about
    this change (outbox rows written in this transaction) and may cancel."""
    if deliver_until < deliver_from:
        raise ValidationError(_("Ngày giao cuối không thể trước ngày giao đầu."))
    with transaction.atomic():
        offer = PreorderOffer.objects.select_for_update().get(pk=offer_id)
        change = DateChange.objects.create(
            offer=offer,
            old_from=offer.deliver_from,
            old_until=offer.deliver_until,
            new_from=deliver_from,
            new_until=deliver_until,
            actor=actor,
        )
        selectors.current_offers_forget()
        offer.deliver_from, offer.deliver_until = deliver_from, deliver_until
        offer.save(update_fields=["deliver_from", "deliver_until", "updated_at"])
        for suborder in _live_suborders(offer):
            outbox_add(
                key=f"preorder-date-moved:{change.pk}:{suborder.pk}",
                task=f"{TASKS}.preorder_date_moved_notify",
                change_id=change.pk,
                suborder_id=suborder.pk,
            )
    return change


def _live_suborders(offer: PreorderOffer) -> list[SubOrder]:
    pairs = set(selectors.live_lines().filter(offer=offer).values_list("line__order_id", "line__partner_id"))
    suborders = SubOrder.objects.filter(
        order_id__in={order_id for order_id, __ in pairs}, partner_id=offer.partner_id
    ).exclude(status__in=(SubOrderStatus.CANCELLED, SubOrderStatus.DELIVERED, SubOrderStatus.COMPLETED))
    return list(suborders.order_by("pk"))


def deposit_receive(*, suborder: SubOrder, actor: Any = None) -> DepositReceipt:
    """The cooperative saw the deposit arrive (a transfer to its own account)."""
    with transaction.atomic():
        locked = SubOrder.objects.select_for_update().get(pk=suborder.pk)
        if locked.status == SubOrderStatus.CANCELLED:
            raise SubOrderActionRefused(_("Đơn này đã bị huỷ."))
        info = selectors.suborder_preorder(locked)
        if info is None or info.deposit <= 0:
            raise SubOrderActionRefused(_("Đơn này không cần đặt cọc."))
        if info.receipt is not None:
            return info.receipt
        if info.by_card:
            raise SubOrderActionRefused(
                _("Người mua đặt cọc bằng thẻ: tiền cọc được ghi nhận tự động khi thẻ được thanh toán.")
            )
        return DepositReceipt.objects.create(suborder=locked, amount=info.deposit, actor=actor)


def deposit_card_paid(*, suborder: SubOrder, amount: int) -> DepositReceipt | None:
    """Stripe confirmed the card payment of this pre-order's deposit (called by the webhook, with
    the sub-order's row locked): the deposit is received, the buyer's timeline says so; the rest is
    paid in cash on delivery. None if it was already recorded."""
    if DepositReceipt.objects.filter(suborder_id=suborder.pk).exists():
        return None
    receipt = DepositReceipt.objects.create(suborder=suborder, amount=amount)
    if suborder.status != SubOrderStatus.CANCELLED:
        rest = int(suborder.total) - amount
        event_add(
            suborder,
            note_code=EventNote.CARD_DEPOSIT_PAID,
            note_params={"amount": format_vnd(amount), "rest": format_vnd(rest)},
        )
    return receipt


# --- Timers for a deposit transfer -----------------------------------------------------------------
# A deposit transferred by VietQR (a pre-order paid on delivery) has the transfer's timers and times
# (`order.services.timers`: reminded after 24 h, cancelled after 72 h). A deposit paid by card is
# covered by the card payment's own timers (`payments.services.card_timers_add`).


def deposit_timers_add(suborders: Any) -> None:
    """Inside the placing transaction: the two timers of every sub-order that owes a deposit by
    transfer (keys `deposit-remind-timer:<sub-order>`, `deposit-cancel-timer:<sub-order>`)."""
    owed = selectors.deposits_owed(suborders)
    for suborder in suborders:
        if owed.get(suborder.pk) and suborder.payment_method == "cod":
            payment_timers_add(
                kind="deposit",
                number=suborder.number,
                placed=suborder.created_at,
                remind=(f"{TASKS}.deposit_remind", REMIND_AFTER),
                cancel=(f"{TASKS}.deposit_cancel", CANCEL_AFTER),
                suborder_id=suborder.pk,
            )


def _awaiting(suborder_id: int) -> tuple[SubOrder, selectors.SubOrderPreorder] | None:
    suborder = SubOrder.objects.select_for_update().select_related("order").filter(pk=suborder_id).first()
    if suborder is None:
        return None
    info = selectors.suborder_preorder(suborder)
    if info is None or not info.awaits_deposit:
        return None
    return suborder, info


def deposit_remind(*, suborder_id: int) -> bool:
    """24 hours on: remind the buyer once of a deposit that has not arrived. True if reminded."""
    with transaction.atomic():
        found = _awaiting(suborder_id)
        if found is None or found[0].reminded_at is not None:
            return False
        suborder = found[0]
        SubOrder.objects.filter(pk=suborder.pk).update(reminded_at=timezone.now())
        outbox_add(
            key=f"deposit-reminder:{suborder.number}",
            task=f"{TASKS}.deposit_reminder_send",
            suborder_id=suborder.pk,
        )
    return True


def deposit_cancel(*, suborder_id: int) -> bool:
    """72 hours on: cancel a pre-order whose deposit never arrived; its units go back to the cap.
    The sub-order is locked first, so a "deposit received" at this very moment waits and then finds
    it cancelled. True if cancelled."""
    with transaction.atomic():
        found = _awaiting(suborder_id)
        if found is None or found[0].status not in CANCELLABLE:
            return False
        try:
            suborder_cancel(suborder_id=suborder_id, reason_code=CancelReason.DEPOSIT_EXPIRED)
        except SubOrderActionRefused:
            return False
    return True


def deposit_refund_sent(*, suborder: SubOrder) -> Refund:
    """The cooperative transferred the deposit of a cancelled pre-order back to the buyer."""
    with transaction.atomic():
        locked = SubOrder.objects.select_for_update().get(pk=suborder.pk)
        key = deposit_refund_key(locked)
        latest = refund_latest(key)
        if latest is None:
            raise SubOrderActionRefused(_("Đơn này không có tiền cọc cần trả lại."))
        if latest.status != RefundStatus.REQUESTED:
            return latest
        return Refund.objects.create(
            key=key,
            order_id=locked.order_id,
            suborder=locked,
            amount=latest.amount,
            status=RefundStatus.PENDING,
            reason=RefundReason.CANCELLED,
        )


def preorder_cancel_by_buyer(*, suborder: SubOrder, actor: Any = None) -> SubOrder:
    """After its delivery date was moved, the buyer may cancel a pre-order until it ships; a deposit
    received is then owed back (recorded by the cancellation)."""
    info = selectors.suborder_preorder(suborder)
    if info is None or not info.buyer_may_cancel:
        raise SubOrderActionRefused(
            _("Đơn đặt trước này không thể huỷ ở đây nữa; hãy liên hệ hợp tác xã nếu bạn muốn huỷ.")
        )
    return suborder_cancel(suborder_id=suborder.pk, reason_code=CancelReason.BUYER_CANCELLED, actor=actor)
