"""Ledger reads. A cooperative's amounts are seen from its side: positive = the alliance owes the
cooperative (its account is credit-normal, so each value is minus the entry's amount)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import F, QuerySet, Sum
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .models import AccountKind, Entry, EntryKind, Payout, PayoutBatch, Statement, Transaction, Withholding
from .months import month_bounds


def _cooperative_entries(partner) -> QuerySet:
    partner_id = getattr(partner, "pk", partner)
    return Entry.objects.filter(account__kind=AccountKind.COOPERATIVE, account__partner_id=partner_id)


def balance(partner, *, until: datetime | None = None) -> int:
    """What the alliance owes the cooperative now (or just before `until`); negative: what the
    cooperative owes the alliance (commission on cash and VietQR sales)."""
    entries = _cooperative_entries(partner)
    if until is not None:
        entries = entries.filter(occurred_at__lt=until)
    return -int(entries.aggregate(total=Coalesce(Sum("amount"), 0))["total"])


def entries(partner, since: datetime | None = None, until: datetime | None = None) -> QuerySet:
    """The cooperative's ledger lines, oldest first, each with `value` (its side: + owed to it),
    `kind` (`EntryKind`), `occurred_at`, `transaction` (with `suborder`, `payout`, `memo`).
    `since` inclusive, `until` exclusive."""
    found = _cooperative_entries(partner)
    if since is not None:
        found = found.filter(occurred_at__gte=since)
    if until is not None:
        found = found.filter(occurred_at__lt=until)
    return (
        found.annotate(value=-F("amount"))
        .select_related("transaction", "transaction__suborder", "transaction__payout")
        .order_by("occurred_at", "pk")
    )


def totals_by_kind(partner, since: datetime | None = None, until: datetime | None = None) -> dict[str, int]:
    """{kind: value} over a period, from the cooperative's side."""
    rows = entries(partner, since, until).order_by().values("kind").annotate(total=Sum("amount"))
    return {row["kind"]: -int(row["total"]) for row in rows}


def suborder_kind_total(suborder, kind: str) -> int:
    """The cooperative-side value of one kind of entry for a sub-order (e.g. its sale: + goods)."""
    total = Entry.objects.filter(
        transaction__suborder_id=suborder.pk,
        kind=kind,
        account__kind=AccountKind.COOPERATIVE,
    ).aggregate(total=Coalesce(Sum("amount"), 0))["total"]
    return -int(total)


def suborder_has(suborder_id: int, kind: str) -> bool:
    return Transaction.objects.filter(suborder_id=suborder_id, kind=kind).exists()


def statements(partner) -> QuerySet:
    return Statement.objects.filter(partner_id=getattr(partner, "pk", partner)).order_by("-month")


def statement_of(partner, pk: int) -> Statement | None:
    return statements(partner).filter(pk=pk).first()


def payouts(partner) -> QuerySet:
    return (
        Payout.objects.filter(partner_id=getattr(partner, "pk", partner), batch__paid_at__isnull=False)
        .select_related("batch")
        .order_by("-batch__paid_at")
    )


def positive_balances() -> QuerySet:
    """Cooperatives the alliance owes money, with `owed` (đồng), largest first."""
    from marketplace.partner.models import Partner

    return (
        Partner.objects.filter(
            ledger_accounts__kind=AccountKind.COOPERATIVE,
        )
        .annotate(owed=-Coalesce(Sum("ledger_accounts__entries__amount"), 0))
        .filter(owed__gt=0)
        .order_by("-owed", "pk")
    )


def batches() -> QuerySet:
    return PayoutBatch.objects.prefetch_related("payouts__partner").order_by("-created_at")


def withholdings(since: datetime, until: datetime) -> QuerySet:
    return (
        Withholding.objects.filter(occurred_at__gte=since, occurred_at__lt=until)
        .select_related("partner", "suborder", "rate")
        .order_by("partner_id", "occurred_at", "pk")
    )


# --- Statements ---------------------------------------------------------------------------------
METHOD_LABELS = {
    "cod": gettext_lazy("Tiền mặt khi nhận hàng"),
    "vietqr": gettext_lazy("Chuyển khoản VietQR"),
    "stripe": gettext_lazy("Thẻ (tiền về liên minh)"),
}
COLUMNS = ("sales", "collected", "commission", "refunds", "withholding", "payouts", "other")


@dataclass
class StatementRow:
    """One sub-order (or one payout or correction) of a month, from the cooperative's side."""

    occurred_at: datetime
    label: str
    method: str = ""
    sales: int = 0
    collected: int = 0
    commission: int = 0
    refunds: int = 0
    withholding: int = 0
    payouts: int = 0
    other: int = 0
    notes: list[str] = field(default_factory=list)

    @property
    def net(self) -> int:
        return sum(getattr(self, column) for column in COLUMNS)


def statement_rows(partner, month) -> list[StatementRow]:
    """The month's lines (one query): each sub-order's sale, money kept, commission, refunds and
    tax withheld on one row; payouts and corrections without a sub-order on rows of their own."""
    from .statements import COLUMNS as KIND_COLUMNS

    start, end = month_bounds(month)
    rows: dict[object, StatementRow] = {}
    found = entries(partner, start, end).values_list(
        "value",
        "kind",
        "occurred_at",
        "transaction_id",
        "transaction__memo",
        "transaction__suborder_id",
        "transaction__suborder__number",
        "transaction__suborder__payment_method",
    )
    for value, kind, occurred_at, tx_id, memo, suborder_id, number, method in found:
        key = ("suborder", suborder_id) if suborder_id else ("transaction", tx_id)
        row = rows.get(key)
        if row is None:
            label = number if suborder_id else (memo or str(EntryKind(kind).label))
            row = rows[key] = StatementRow(
                occurred_at=occurred_at,
                label=label,
                method=str(METHOD_LABELS.get(method or "", method or "")),
            )
        column = KIND_COLUMNS[kind]
        setattr(row, column, getattr(row, column) + int(value))
        if kind == EntryKind.COMMISSION and memo:
            row.notes.append(_("hoa hồng %(rate)s") % {"rate": memo})
    return list(rows.values())


def partners_in_open_batches() -> set[int]:
    """Cooperatives in a payout batch exported but not yet marked paid."""
    return set(Payout.objects.filter(batch__paid_at__isnull=True).values_list("partner_id", flat=True))
