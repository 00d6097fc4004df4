"""Pre-order reads: which offers are current, how much of a cap is taken, what a sub-order owes as
deposit, and a cooperative's pre-orders by delivery date. An offer is *current* from its creation
until its last delivery day: while current, its product is sold only as a pre-order (before the
window: not yet; during it: up to the cap; after it: no more)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from itertools import groupby
from typing import Any

from django.core.cache import cache
from django.db import transaction
from django.db.models import Exists, IntegerField, OuterRef, QuerySet, Subquery, Sum, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from marketplace.core import fragments
from marketplace.order.models import SubOrder, SubOrderStatus
from marketplace.partner.banks import bank_name
from payments.vietqr import payload, svg_data_uri, transfer_note

from .models import DateChange, DepositKind, DepositReceipt, PreorderLine, PreorderOffer

UPCOMING, OPEN, CLOSED = "upcoming", "open", "closed"


def local_today() -> date:
    """Today in Asia/Ho_Chi_Minh: windows and delivery days are the buyer's calendar days."""
    return timezone.localdate()


def state(offer: PreorderOffer, today: date | None = None) -> str:
    today = today or local_today()
    if today < offer.order_from:
        return UPCOMING
    if today <= offer.order_until:
        return OPEN
    return CLOSED


def live_lines() -> QuerySet[PreorderLine]:
    """Pre-order lines whose cooperative's sub-order is not cancelled (a line being placed has no
    sub-order yet and counts too)."""
    cancelled = SubOrder.objects.filter(
        order_id=OuterRef("line__order_id"),
        partner_id=OuterRef("line__partner_id"),
        status=SubOrderStatus.CANCELLED,
    )
    return PreorderLine.objects.exclude(Exists(cancelled))


def held(offer: PreorderOffer) -> int:
    """How much of the cap live pre-orders hold."""
    return int(live_lines().filter(offer=offer).aggregate(n=Coalesce(Sum("quantity"), 0))["n"])


CACHE_KEY = "preorders:current:{day}"
CACHE_SECONDS = 60


def current_offers_cached() -> dict[int, PreorderOffer]:
    """`current_offers()` for shop pages, kept a minute in the cache (shared by every visitor) and
    dropped whenever an offer changes or an order holds or frees units (`current_offers_forget`).
    What a page shows may lag by that much; placing an order always counts afresh."""
    key = CACHE_KEY.format(day=local_today().isoformat())
    offers: dict[int, PreorderOffer] | None = cache.get(key)
    if offers is None:
        offers = current_offers()
        cache.set(key, offers, CACHE_SECONDS)
    return offers


def current_offers_forget() -> None:
    """Now and again once the change commits (a page read in between may have cached the old
    offers): the next page reads the offers again, and pages cached for visitors are stale."""
    key = CACHE_KEY.format(day=local_today().isoformat())
    cache.delete(key)
    transaction.on_commit(lambda: cache.delete(key))
    fragments.pages_stale()


def current_offers(product_ids: Iterable[int] | None = None) -> dict[int, PreorderOffer]:
    """Current offers by product id, each with `held` (one query)."""
    taken = (
        live_lines()
        .filter(offer=OuterRef("pk"))
        .order_by()
        .values("offer")
        .annotate(n=Sum("quantity"))
        .values("n")
    )
    offers = PreorderOffer.objects.filter(deliver_until__gte=local_today()).annotate(
        held=Coalesce(Subquery(taken, output_field=IntegerField()), Value(0))
    )
    if product_ids is not None:
        offers = offers.filter(product_id__in=list(product_ids))
    return {offer.product_id: offer for offer in offers}


def remaining(offer: PreorderOffer) -> int:
    taken = getattr(offer, "held", None)
    return max(offer.cap - (held(offer) if taken is None else int(taken)), 0)


def deposit_for(offer: PreorderOffer, *, line_total: int, quantity: int) -> int:
    """The deposit a line owes, in whole đồng (a percentage rounded half up; never above the line)."""
    if offer.deposit_kind == DepositKind.PERCENT:
        return (line_total * offer.deposit_value + 50) // 100
    if offer.deposit_kind == DepositKind.AMOUNT:
        return min(offer.deposit_value * quantity, line_total)
    return 0


# --- A sub-order's pre-order ----------------------------------------------------------------------
CARD = "stripe"
#: The payment methods whose pre-order sub-orders owe a deposit before delivery and the rest in cash
#: on delivery: cash on delivery (the deposit by VietQR to the cooperative) and card (the deposit by
#: card to the platform). A sub-order paid in full up front by VietQR owes no separate deposit.
DEPOSIT_METHODS = ("cod", CARD)


def deposits_owed(suborders: Iterable[SubOrder]) -> dict[int, int]:
    """The deposit each sub-order owes before delivery, by sub-order id (0: none), in one query."""
    suborders = list(suborders)
    owing = [s for s in suborders if s.payment_method in DEPOSIT_METHODS]
    found = {s.pk: 0 for s in suborders}
    if not owing:
        return found
    keys = {(s.order_id, s.partner_id): s.pk for s in owing}
    rows = (
        PreorderLine.objects.filter(line__order_id__in={order for order, __ in keys})
        .values_list("line__order_id", "line__partner_id", "deposit")
        .order_by()
    )
    for order_id, partner_id, deposit in rows:
        pk = keys.get((order_id, partner_id))
        if pk is not None:
            found[pk] += int(deposit)
    return found


def card_amounts(suborders: Iterable[SubOrder]) -> dict[int, int]:
    """What a card payment charges for each sub-order, by id: its deposit when it is a pre-order
    with a deposit (the rest is paid in cash on delivery), else its total. The one rule for the
    payment page, the PaymentIntent's amount, the webhook's check, refunds and the invariants."""
    suborders = list(suborders)
    deposits = deposits_owed(suborders)
    return {s.pk: deposits.get(s.pk) or int(s.total) for s in suborders}


def card_deposit_paid(suborder: SubOrder) -> int | None:
    """For a card pre-order sub-order with a deposit: how much of it reached the platform by card
    (the deposit received, or 0); None for any other sub-order."""
    if suborder.payment_method != CARD or not deposits_owed([suborder]).get(suborder.pk):
        return None
    receipt = DepositReceipt.objects.filter(suborder_id=suborder.pk).first()
    return int(receipt.amount) if receipt else 0


@dataclass
class SubOrderPreorder:
    """What a sub-order holds as pre-orders: its lines, the deposit it owes before delivery (cash on
    delivery and card, `DEPOSIT_METHODS`), whether it arrived, what is left to pay in cash, until
    when the deposit is awaited (the due time of its cancel timer), and the date changes made since
    it was placed."""

    suborder: SubOrder
    lines: list[PreorderLine] = field(default_factory=list)
    receipt: DepositReceipt | None = None
    changes: list[DateChange] = field(default_factory=list)
    deadline: datetime | None = None

    @property
    def deposit(self) -> int:
        if self.suborder.payment_method not in DEPOSIT_METHODS:
            return 0
        return sum(int(line.deposit) for line in self.lines)

    @property
    def by_card(self) -> bool:
        """The deposit is paid by card on the payment page (else by VietQR to the cooperative)."""
        return self.suborder.payment_method == CARD

    @property
    def deposit_received(self) -> bool:
        return self.receipt is not None

    @property
    def remainder(self) -> int:
        """What is paid in cash on delivery once the deposit is in."""
        return int(self.suborder.total) - self.deposit

    @property
    def awaits_deposit(self) -> bool:
        return (
            self.deposit > 0
            and not self.deposit_received
            and self.suborder.status != SubOrderStatus.CANCELLED
        )

    @property
    def deposit_note(self) -> str:
        return transfer_note(f"CHOHTX {self.suborder.number} COC")

    @property
    def bank_name(self) -> str:
        return bank_name(self.suborder.payee_bank_bin)

    def deposit_qr_data_uri(self) -> str:
        """The deposit's VietQR (to the account the sub-order was placed with, exact amount and note)."""
        data = payload(
            bank_bin=self.suborder.payee_bank_bin,
            account=self.suborder.payee_account_number,
            amount=self.deposit,
            note=self.deposit_note,
        )
        return svg_data_uri(data)

    @property
    def date_moved(self) -> bool:
        return bool(self.changes)

    @property
    def buyer_may_cancel(self) -> bool:
        """After a date move the buyer may cancel until the parcel leaves."""
        cancellable = (SubOrderStatus.NEW, SubOrderStatus.CONFIRMED, SubOrderStatus.PACKED)
        return self.date_moved and self.suborder.status in cancellable


def suborder_preorder(suborder: SubOrder) -> SubOrderPreorder | None:
    lines = list(
        PreorderLine.objects.filter(line__order_id=suborder.order_id, line__partner_id=suborder.partner_id)
        .select_related("offer", "line")
        .order_by("pk")
    )
    if not lines:
        return None
    placed_at = suborder.order.date_placed
    offer_ids = {line.offer_id for line in lines}
    changes = list(DateChange.objects.filter(offer_id__in=offer_ids, created_at__gt=placed_at))
    receipt = DepositReceipt.objects.filter(suborder=suborder).first()
    info = SubOrderPreorder(suborder=suborder, lines=lines, receipt=receipt, changes=changes)
    if info.awaits_deposit:
        info.deadline = deposit_deadline(suborder)
    return info


def deposit_deadline(suborder: SubOrder) -> datetime | None:
    """When an unpaid deposit cancels the sub-order: the due time of the timer that will cancel it
    (the card payment's, per order, or the deposit transfer's, per sub-order)."""
    from marketplace.order.services.timers import timer_deadlines

    if suborder.payment_method == CARD:
        return timer_deadlines("card", [suborder.order.number]).get(suborder.order.number)
    return timer_deadlines("deposit", [suborder.number]).get(suborder.number)


def order_preorders(order: Any) -> dict[int, SubOrderPreorder]:
    """The order's sub-orders that hold pre-orders, by sub-order id."""
    found = {}
    for suborder in SubOrder.objects.filter(order=order).select_related("order", "partner"):
        info = suborder_preorder(suborder)
        if info is not None:
            found[suborder.pk] = info
    return found


# --- The cooperative's pre-orders ---------------------------------------------------------------
def offers_of_partner(partner: Any) -> QuerySet[PreorderOffer]:
    offers: QuerySet[PreorderOffer] = (
        PreorderOffer.objects.filter(partner=partner)
        .select_related("product")
        .order_by("deliver_from", "deliver_until", "pk")
    )
    return offers


def offer_of_partner(partner: Any, pk: int) -> PreorderOffer | None:
    return offers_of_partner(partner).filter(pk=pk).first()


@dataclass
class DeliveryDay:
    deliver_from: date
    deliver_until: date
    offers: list[PreorderOffer]
    lines: list[PreorderLine]

    @property
    def quantity(self) -> int:
        return sum(line.quantity for line in self.lines)


def preorders_by_delivery(partner: Any) -> list[DeliveryDay]:
    """The cooperative's live pre-order lines grouped by delivery date (earliest first), with every
    offer, even one nobody ordered yet."""
    offers = list(offers_of_partner(partner).filter(deliver_until__gte=local_today()))
    lines = list(
        live_lines()
        .filter(offer__in=offers)
        .select_related("line__order", "offer")
        .order_by("line__order__date_placed", "pk")
    )
    suborders = {
        (suborder.order_id, suborder.partner_id): suborder
        for suborder in SubOrder.objects.filter(
            order_id__in={line.line.order_id for line in lines}, partner=partner
        )
    }
    received = set(
        DepositReceipt.objects.filter(suborder__in=list(suborders.values())).values_list(
            "suborder_id", flat=True
        )
    )
    by_offer: dict[int, list[PreorderLine]] = {}
    for line in lines:
        suborder = suborders.get((line.line.order_id, line.line.partner_id))
        line.suborder = suborder  # type: ignore[attr-defined]
        line.deposit_received = suborder is not None and suborder.pk in received  # type: ignore[attr-defined]
        by_offer.setdefault(line.offer_id, []).append(line)
    for offer in offers:
        offer.held = sum(line.quantity for line in by_offer.get(offer.pk, []))  # type: ignore[attr-defined]
    days = []
    for (start, end), group in groupby(offers, key=lambda offer: (offer.deliver_from, offer.deliver_until)):
        members = list(group)
        days.append(
            DeliveryDay(
                deliver_from=start,
                deliver_until=end,
                offers=members,
                lines=[line for offer in members for line in by_offer.get(offer.pk, [])],
            )
        )
    return days


def deposit_refunds_due(partner: Any) -> list[DepositReceipt]:
    """Deposits of the cooperative's cancelled pre-orders still to be paid back (each with
    `refund`, its latest refund row)."""
    from payments.models import Refund, RefundStatus

    receipts = list(
        DepositReceipt.objects.filter(suborder__partner=partner, suborder__status=SubOrderStatus.CANCELLED)
        .select_related("suborder__order")
        .order_by("pk")
    )
    keys = {f"chohtx-deposit-{receipt.suborder.number}": receipt for receipt in receipts}
    latest: dict[str, Refund] = {}
    for row in Refund.objects.filter(key__in=list(keys)).order_by("created_at", "pk"):
        latest[row.key] = row
    due = []
    for key, receipt in keys.items():
        found = latest.get(key)
        if found is not None and found.status == RefundStatus.REQUESTED:
            receipt.refund = found  # type: ignore[attr-defined]
            due.append(receipt)
    return due
