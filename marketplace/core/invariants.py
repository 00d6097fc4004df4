"""The floor's invariants, checked against the data (`manage.py check_invariants`, nightly by
Celery beat, and in CI after the test suite). Each check returns the violations it finds; an empty
list means it holds. The list and how each is enforced: docs/guarantees.md."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.apps import apps
from django.db.models import Exists, OuterRef, Q, Subquery, Sum
from django.utils import timezone
from oscar.core.loading import get_model

from marketplace.order.models import Order, SubOrder, SubOrderStatus
from marketplace.outbox import selectors as outbox_selectors
from marketplace.partner.models import StockRecord

Line = get_model("order", "Line")

# Sub-orders whose lines hold stock: allocated at placing, consumed at shipping, released on cancel.
HOLDING_STOCK = (SubOrderStatus.NEW, SubOrderStatus.CONFIRMED, SubOrderStatus.PACKED)
CARD = "stripe"
REFUND_ALIVE = ("requested", "pending", "succeeded")  # a refund asked for, under way or made


@dataclass(frozen=True)
class Violation:
    invariant: str
    subject: str
    detail: str

    def __str__(self) -> str:
        return f"[{self.invariant}] {self.subject}: {self.detail}"


def stock_violations() -> list[Violation]:
    """Stock and allocations are never negative, allocations never exceed stock, and each stock
    record's allocation equals the quantities of the open order lines that hold it."""
    found = []
    suborder_status = SubOrder.objects.filter(
        order_id=OuterRef("order_id"), partner_id=OuterRef("partner_id")
    ).values("status")[:1]
    held = dict(
        Line.objects.filter(stockrecord__isnull=False, allocation_cancelled=False)
        .annotate(suborder_status=Subquery(suborder_status))
        .filter(suborder_status__in=HOLDING_STOCK)
        .values("stockrecord_id")
        .annotate(quantity=Sum("quantity"))
        .values_list("stockrecord_id", "quantity")
    )
    records = StockRecord.objects.values_list("pk", "partner_sku", "num_in_stock", "num_allocated")
    for pk, sku, in_stock, allocated in records.order_by("pk").iterator():
        subject = f"stock record {pk} ({sku})"
        in_stock, allocated = in_stock or 0, allocated or 0
        if in_stock < 0 or allocated < 0:
            found.append(Violation("stock.negative", subject, f"in stock {in_stock}, allocated {allocated}"))
        if allocated > in_stock:
            found.append(
                Violation("stock.over_allocated", subject, f"allocated {allocated} > in stock {in_stock}")
            )
        expected = held.get(pk, 0)
        if allocated != expected:
            found.append(
                Violation(
                    "stock.allocation",
                    subject,
                    f"allocated {allocated}, but open order lines hold {expected}",
                )
            )
    return found


def batch_stock_violations() -> list[Violation]:
    """Stock kept by batch: the stock record of a product with batches is kept by batch, and its
    stock equals the units left in its open batches (not recalled, not expired)."""
    from marketplace.traceability.stock import open_units_all

    found = []
    units = open_units_all()
    kept = StockRecord.objects.filter(kept_by_batch=True).values_list(
        "pk", "partner_sku", "partner_id", "product_id", "num_in_stock"
    )
    seen = set()
    for pk, sku, partner_id, product_id, in_stock in kept.order_by("pk").iterator():
        seen.add((partner_id, product_id))
        expected = units.get((partner_id, product_id), 0)
        if (in_stock or 0) != expected:
            found.append(
                Violation(
                    "stock.batches",
                    f"stock record {pk} ({sku})",
                    f"in stock {in_stock or 0}, but its open batches hold {expected}",
                )
            )
    for partner_id, product_id in sorted(set(units) - seen):
        record = StockRecord.objects.filter(partner_id=partner_id, product_id=product_id).first()
        if record is not None:
            found.append(
                Violation(
                    "stock.batches_unkept",
                    f"stock record {record.pk} ({record.partner_sku})",
                    "the product has batches, but its stock is not kept by batch",
                )
            )
    return found


def total_violations() -> list[Violation]:
    """Every sub-order's total is its lines plus its shipping, its lines total is the sum of its
    order lines, and an order's total is the sum of its sub-orders'."""
    found: list[Violation] = []
    line_sums: defaultdict[tuple[int, int], int] = defaultdict(int)
    for order_id, partner_id, price in Line.objects.values_list(
        "order_id", "partner_id", "line_price_incl_tax"
    ):
        line_sums[(order_id, partner_id)] += int(price or 0)
    by_order: defaultdict[int, int] = defaultdict(int)
    fields = ("number", "order_id", "partner_id", "lines_total", "shipping_charge", "total")
    for number, order_id, partner_id, lines_total, shipping, total in SubOrder.objects.values_list(*fields):
        subject = f"sub-order {number}"
        by_order[order_id] += int(total)
        if int(total) != int(lines_total) + int(shipping):
            found.append(
                Violation(
                    "suborder.total", subject, f"total {total} ≠ lines {lines_total} + shipping {shipping}"
                )
            )
        if int(lines_total) != line_sums[(order_id, partner_id)]:
            found.append(
                Violation(
                    "suborder.lines",
                    subject,
                    f"lines total {lines_total} ≠ sum of its lines {line_sums[(order_id, partner_id)]}",
                )
            )
    for pk, number, total in Order.objects.filter(pk__in=list(by_order)).values_list(
        "pk", "number", "total_incl_tax"
    ):
        if int(total) != by_order[pk]:
            found.append(
                Violation(
                    "order.total", f"order {number}", f"total {total} ≠ sum of its sub-orders {by_order[pk]}"
                )
            )
    return found


def card_violations() -> list[Violation]:
    """Every card sub-order that was paid is covered by a succeeded PaymentIntent whose amount is
    the sum of what it charges for the sub-orders it covers (a pre-order's deposit); every
    cancelled one that was paid has a refund of its total (asked for, under way or made)."""
    try:
        StripePayment = apps.get_model("payments", "StripePayment")
        apps.get_model("payments", "Refund")
    except LookupError:
        return []
    from marketplace.preorders.selectors import card_amounts

    found: list[Violation] = []
    if not any(f.name == "suborders" for f in StripePayment._meta.get_fields()):
        return found
    succeeded = StripePayment.objects.filter(status="succeeded").prefetch_related("suborders")
    covered: set[int] = set()
    for payment in succeeded:
        totals = list(card_amounts(payment.suborders.all()).values())  # a pre-order's: its deposit
        covered.update(s.pk for s in payment.suborders.all())
        if payment.amount != sum(totals):
            found.append(
                Violation(
                    "card.intent_amount",
                    f"PaymentIntent {payment.intent_id}",
                    f"amount {payment.amount} ≠ sum of the sub-orders it covers {sum(totals)}",
                )
            )
    paid = SubOrder.objects.filter(payment_method=CARD, paid_at__isnull=False)
    for suborder in paid.exclude(pk__in=covered).only("number"):
        found.append(
            Violation(
                "card.paid_without_intent",
                f"sub-order {suborder.number}",
                "paid, but no succeeded PaymentIntent",
            )
        )
    refunded = _refunds_alive()
    for suborder in paid.filter(status=SubOrderStatus.CANCELLED).only("pk", "number", "total"):
        if refunded[suborder.pk] != int(suborder.total):
            found.append(
                Violation(
                    "card.cancelled_not_refunded",
                    f"sub-order {suborder.number}",
                    f"cancelled after card payment of {int(suborder.total)}, refunds {refunded[suborder.pk]}",
                )
            )
    return found


def _refunds_alive(*, exclude_reasons: tuple[str, ...] = ()) -> defaultdict[int, int]:
    """What is refunded (asked for, under way or made) per sub-order, each refund in its latest state."""
    Refund = apps.get_model("payments", "Refund")
    latest_by_key: dict[str, Any] = {}
    rows = Refund.objects.filter(suborder__isnull=False).exclude(reason__in=exclude_reasons)
    for refund in rows.order_by("created_at", "pk"):
        latest_by_key[refund.key] = refund
    refunded: defaultdict[int, int] = defaultdict(int)
    for refund in latest_by_key.values():
        if refund.status in REFUND_ALIVE:
            refunded[refund.suborder_id] += refund.amount
    return refunded


def deposit_violations() -> list[Violation]:
    """Pre-order deposits: a deposit received is exactly what the sub-order owes and never more than
    its total; one paid by card is covered by a succeeded PaymentIntent; before delivery, refunds
    never exceed the deposit paid; a cancelled pre-order's deposit is refunded in full."""
    try:
        DepositReceipt = apps.get_model("preorders", "DepositReceipt")
        StripePayment = apps.get_model("payments", "StripePayment")
    except LookupError:
        return []
    from marketplace.preorders.selectors import deposits_owed

    receipts = list(DepositReceipt.objects.select_related("suborder"))
    owed = deposits_owed([receipt.suborder for receipt in receipts])
    by_intent = set(
        StripePayment.objects.filter(status="succeeded").values_list("suborders", flat=True).distinct()
    )
    refunded = _refunds_alive(exclude_reasons=("paid_twice",))  # a second charge, given back whole
    found = []
    for receipt in receipts:
        suborder, paid = receipt.suborder, int(receipt.amount)
        subject = f"sub-order {suborder.number}"
        if paid > int(suborder.total):
            found.append(
                Violation("deposit.over_total", subject, f"deposit {paid} > total {int(suborder.total)}")
            )
        if paid != owed.get(suborder.pk, 0):
            found.append(
                Violation("deposit.amount", subject, f"deposit {paid} ≠ owed {owed.get(suborder.pk, 0)}")
            )
        if suborder.payment_method == CARD and suborder.pk not in by_intent:
            found.append(Violation("deposit.card_without_intent", subject, "no succeeded PaymentIntent"))
        delivered = suborder.status in (SubOrderStatus.DELIVERED, SubOrderStatus.COMPLETED)
        if not delivered and refunded[suborder.pk] > paid:
            found.append(
                Violation(
                    "deposit.refund_over_paid", subject, f"refunds {refunded[suborder.pk]} > deposit {paid}"
                )
            )
        if suborder.status == SubOrderStatus.CANCELLED and refunded[suborder.pk] != paid:
            found.append(
                Violation(
                    "deposit.cancelled_not_refunded",
                    subject,
                    f"cancelled with a deposit of {paid}, refunds {refunded[suborder.pk]}",
                )
            )
    return found


def outbox_violations(*, now: datetime | None = None) -> list[Violation]:
    """No outbox row is older than its deadline without being done: pending past the retry window
    (nobody runs the dispatcher or the workers), or a dead letter nobody has retried or discarded."""
    found = []
    for message in outbox_selectors.overdue(now=now or timezone.now()):
        what = "dead letter" if message.status == "dead" else "pending past its deadline"
        found.append(
            Violation(
                "outbox.deadline",
                f"outbox {message.key}",
                f"{what} (created {message.created_at:%d/%m/%Y %H:%M}, {message.attempts} attempts)",
            )
        )
    return found


def ledger_violations() -> list[Violation]:
    """The settlement ledger: every transaction's entries sum to zero (so do all entries); every
    statement adds up and continues the previous one, and the latest equals the ledger's balance at
    its month's end; every delivered or paid sub-order has its sale and commission transactions."""
    from marketplace.ledger import selectors as ledger
    from marketplace.ledger.months import month_bounds
    from marketplace.ledger.statements import FIELDS

    Entry = apps.get_model("ledger", "Entry")
    Statement = apps.get_model("ledger", "Statement")
    Transaction = apps.get_model("ledger", "Transaction")
    found = []
    unbalanced = Entry.objects.values("transaction_id").annotate(total=Sum("amount")).exclude(total=0)
    for row in unbalanced.order_by("transaction_id")[:100]:
        found.append(
            Violation(
                "ledger.unbalanced", f"transaction {row['transaction_id']}", f"entries sum to {row['total']}"
            )
        )
    total = Entry.objects.aggregate(total=Sum("amount"))["total"] or 0
    if total:
        found.append(Violation("ledger.sum", "all entries", f"sum to {total}, not 0"))
    previous: dict[int, Any] = {}
    for statement in Statement.objects.order_by("partner_id", "month").iterator():
        subject = f"statement {statement.partner_id} {statement.month:%m/%Y}"
        parts = sum(getattr(statement, name) for name in FIELDS)
        if statement.opening + parts != statement.closing:
            found.append(Violation("ledger.statement_sum", subject, "opening + lines ≠ closing"))
        before = previous.get(statement.partner_id)
        if before is not None and before.closing != statement.opening:
            found.append(Violation("ledger.statement_chain", subject, "opening ≠ previous closing"))
        previous[statement.partner_id] = statement
    for partner_id, statement in previous.items():
        recorded = ledger.balance(partner_id, until=month_bounds(statement.month)[1])
        if recorded != statement.closing:
            found.append(
                Violation(
                    "ledger.statement_balance",
                    f"statement {partner_id} {statement.month:%m/%Y}",
                    f"closing {statement.closing}, ledger {recorded}",
                )
            )
    due = SubOrder.objects.filter(
        Q(status__in=(SubOrderStatus.DELIVERED, SubOrderStatus.COMPLETED))
        | Q(payment_status__in=("paid", "refunded"))
    ).exclude(  # a cancelled pre-order's card deposit, refunded: never a sale (docs/preorders.md)
        status=SubOrderStatus.CANCELLED, deposit_receipt__isnull=False
    )
    for kind, invariant in (("sale", "ledger.sale_missing"), ("commission", "ledger.commission_missing")):
        written = Transaction.objects.filter(suborder_id=OuterRef("pk"), kind=kind)
        for number in due.exclude(Exists(written)).values_list("number", flat=True)[:100]:
            found.append(Violation(invariant, f"sub-order {number}", f"delivered or paid, no {kind} entry"))
    return found


CHECKS: dict[str, Callable[[], list[Violation]]] = {
    "stock": stock_violations,
    "batches": batch_stock_violations,
    "totals": total_violations,
    "card": card_violations,
    "deposit": deposit_violations,
    "outbox": outbox_violations,
    "ledger": ledger_violations,
}


def invariant_violations() -> list[Violation]:
    found = []
    for check in CHECKS.values():
        found.extend(check())
    return found


__all__ = ["CHECKS", "Violation", "invariant_violations"]
