"""Placing an order, the one way (the checkout and the demo both call `order_place`): the basket
locked against a second submission, every line still on sale, Oscar's order, then one sub-order
per cooperative with its outbox records (emails, payment timers, search refresh), the invoice
request, and the basket submitted, all in one transaction."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from django.db import transaction
from oscar.core.loading import get_model

from marketplace.ledger import services as ledger
from marketplace.outbox.services import outbox_add
from marketplace.partner.strategy import is_not_on_sale
from payments.registry import method_for

from ..exceptions import AlreadyPlaced, UnableToPlaceOrder
from ..models import EventNote, InvoiceRequest, Order, SubOrder, SubOrderEvent
from .lifecycle import TASKS, S, order_status_sync
from .stock import search_stock_refresh

if TYPE_CHECKING:
    from oscar.apps.basket.models import Basket as BasketModel

    from marketplace.delivery.selectors import CooperativeGroup

Basket = get_model("basket", "Basket")


def basket_lock_for_placement(*, basket_id: int) -> Order | None:
    """Lock the basket's row for the placing transaction; the order already placed from it, if any
    (a concurrent submission of the same basket waits for the lock, then finds that order)."""
    list(Basket.objects.select_for_update().filter(pk=basket_id).values_list("pk", flat=True))
    placed: Order | None = Order.objects.filter(basket_id=basket_id).order_by("pk").first()
    return placed


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
        ledger.suborder_placed(suborder)  # the commission rate in force now, kept with it
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


def order_place(
    *,
    basket: BasketModel,
    groups: Sequence[CooperativeGroup],
    payment_method: str,
    create: Callable[[], Order],
    invoice: Mapping[str, Any] | None = None,
) -> Order:
    """Place the basket's order, all or nothing. `create` makes Oscar's order from the basket (the
    checkout's `place_order`, which also records the payment sources; the demo's `OrderCreator`);
    `groups` are the basket's lines by cooperative with the chosen shipping. Raises `AlreadyPlaced`
    when a concurrent submission placed this basket first, `UnableToPlaceOrder` when a line is no
    longer on sale, `OutOfStock` when stock ran out."""
    with transaction.atomic():
        # The basket row is locked first: a second, concurrent submission of the same basket waits
        # here, then finds the order the first one placed.
        existing = basket_lock_for_placement(basket_id=basket.pk)
        if existing is not None:
            raise AlreadyPlaced(existing)
        for line in basket.all_lines():  # hidden or suspended since the preview was shown
            availability = basket.strategy.fetch_for_line(line).availability
            if is_not_on_sale(availability):
                raise UnableToPlaceOrder(availability.message)
        order = create()
        order_split(order=order, groups=groups, payment_method=payment_method)
        if invoice:
            InvoiceRequest.objects.create(order=order, **invoice)
        basket.submit()
    return order
