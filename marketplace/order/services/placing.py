"""Placing an order: the basket locked against a second submission, and the order split into one
sub-order per cooperative with its outbox records (emails, payment timers, search refresh)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from oscar.core.loading import get_model

from marketplace.outbox.services import outbox_add
from payments.registry import method_for

from ..models import EventNote, Order, SubOrder, SubOrderEvent
from .lifecycle import TASKS, S, order_status_sync
from .stock import search_stock_refresh

if TYPE_CHECKING:
    from marketplace.delivery.selectors import CooperativeGroup

Basket = get_model("basket", "Basket")


def basket_lock_for_placement(*, basket_id: int) -> Order | None:
    """Lock the basket's row for the placing transaction; the order already placed from it, if any
    (a concurrent submission of the same basket waits for the lock, then finds that order)."""
    list(Basket.objects.select_for_update().filter(pk=basket_id).values_list("pk", flat=True))
    return Order.objects.filter(basket_id=basket_id).order_by("pk").first()


def order_payment_method(order: Order) -> str:
    return SubOrder.objects.filter(order=order).values_list("payment_method", flat=True).first() or ""


def order_split(*, order: Order, groups: Sequence[CooperativeGroup], payment_method: str) -> list[SubOrder]:
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
        outbox_add(
            key=f"suborder-placed:{suborder.number}",
            task=f"{TASKS}.suborder_placed_notify",
            suborder_id=suborder.pk,
        )
        suborders.append(suborder)
    method_for(payment_method).order_placed(order=order, suborders=suborders)
    outbox_add(key=f"order-placed:{order.number}", task=f"{TASKS}.order_confirmation_send", order_id=order.pk)
    search_stock_refresh(
        key=f"order-placed:{order.number}", product_ids=order.lines.values_list("product_id", flat=True)
    )
    order_status_sync(order_id=order.pk)
    return suborders
