"""Monthly statements: closed once per cooperative and month (Asia/Ho_Chi_Minh), from the ledger.
`statements_close` closes every cooperative's month with three grouped queries and one bulk insert,
so running it twice (or two workers at once) closes each month once."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from django.db.models import Sum
from django.utils import timezone

from .models import Account, AccountKind, Entry, EntryKind, Statement
from .months import month_bounds, month_of, month_previous

#: Statement column of each kind of entry.
COLUMNS = {
    EntryKind.SALE: "sales",
    EntryKind.SHIPPING: "sales",
    EntryKind.COLLECTED: "collected",
    EntryKind.COMMISSION: "commission",
    EntryKind.COMMISSION_REVERSAL: "commission",
    EntryKind.REFUND: "refunds",
    EntryKind.WITHHOLDING: "withholding",
    EntryKind.WITHHOLDING_REVERSAL: "withholding",
    EntryKind.PAYOUT: "payouts",
    EntryKind.CORRECTION: "other",
}
FIELDS = ("sales", "collected", "commission", "refunds", "withholding", "payouts", "other")


class MonthNotOver(ValueError):
    pass


def _cooperative_entries():
    return Entry.objects.filter(account__kind=AccountKind.COOPERATIVE)


def statements_close(*, month: date | None = None, partner_ids=None) -> int:
    """Close `month` (default: the month that just ended) for every cooperative with a ledger
    account (or those in `partner_ids`). Returns how many statements were written now."""
    month = (month or month_previous(month_of())).replace(day=1)
    start, end = month_bounds(month)
    if end > timezone.now():
        raise MonthNotOver(f"{month:%m/%Y} is not over yet")
    accounts = Account.objects.filter(kind=AccountKind.COOPERATIVE)
    if partner_ids is not None:
        accounts = accounts.filter(partner_id__in=list(partner_ids))
    partners = set(accounts.values_list("partner_id", flat=True))
    partners -= set(
        Statement.objects.filter(month=month, partner_id__in=partners).values_list("partner_id", flat=True)
    )
    if not partners:
        return 0
    opening = _openings(month, partners, start)
    sums: dict[int, dict[str, int]] = defaultdict(lambda: dict.fromkeys(FIELDS, 0))
    rows = (
        _cooperative_entries()
        .filter(account__partner_id__in=partners, occurred_at__gte=start, occurred_at__lt=end)
        .values_list("account__partner_id", "kind")
        .annotate(total=Sum("amount"))
        .order_by()
    )
    for partner_id, kind, total in rows:
        sums[partner_id][COLUMNS[kind]] -= int(total)
    before = Statement.objects.filter(month=month).count()
    Statement.objects.bulk_create(
        [
            Statement(
                partner_id=partner_id,
                month=month,
                opening=opening.get(partner_id, 0),
                closing=opening.get(partner_id, 0) + sum(sums[partner_id].values()),
                **sums[partner_id],
            )
            for partner_id in sorted(partners)
        ],
        ignore_conflicts=True,
    )
    return Statement.objects.filter(month=month).count() - before


def _openings(month: date, partners: set[int], start) -> dict[int, int]:
    """The previous month's closing where it was closed, else the balance before `start`."""
    previous = dict(
        Statement.objects.filter(month=month_previous(month), partner_id__in=partners).values_list(
            "partner_id", "closing"
        )
    )
    missing = partners - set(previous)
    if missing:
        rows = (
            _cooperative_entries()
            .filter(account__partner_id__in=missing, occurred_at__lt=start)
            .values_list("account__partner_id")
            .annotate(total=Sum("amount"))
            .order_by()
        )
        previous.update({partner_id: -int(total) for partner_id, total in rows})
    return previous


def statement_close(*, partner_id: int, month: date) -> Statement:
    statements_close(month=month, partner_ids=[partner_id])
    return Statement.objects.get(partner_id=partner_id, month=month.replace(day=1))
