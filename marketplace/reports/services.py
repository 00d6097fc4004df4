"""Writes of the reports: the summary tables, rewritten month by month from the sub-orders.

A month's rows are deleted and inserted again in one transaction, so a refresh run twice (or two
runs at once, one after the other on the row locks) leaves the same rows. The tables are derived
data: nothing else writes them and no money record depends on them."""

from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.db.models import (
    Count,
    DurationField,
    ExpressionWrapper,
    F,
    Max,
    OuterRef,
    Q,
    Subquery,
    Sum,
    Value,
)
from django.db.models.functions import Coalesce
from django.utils import timezone
from oscar.core.loading import get_model

from marketplace.ocop.models import Certificate, Verification
from marketplace.order.models import SubOrder, SubOrderEvent, SubOrderStatus

from .models import CooperativeMonth, CooperativeMonthGroup, SummaryMark
from .periods import month_bounds, month_start

ZERO = Value(Decimal(0))
Line = get_model("order", "Line")

MARK = "suborders"  # the name selectors.alliance.summaries_as_of reads
# Sub-orders saved this long before a run started are counted again by the next run: a transaction
# that commits late may carry an `updated_at` older than the run that missed it.
OVERLAP = timedelta(minutes=10)
METHOD_CODES = {"cod": "cod", "vietqr": "vietqr", "card": "stripe"}  # summary column -> payment code
DONE = (SubOrderStatus.DELIVERED, SubOrderStatus.COMPLETED)
LIVE = [status for status in SubOrderStatus.values if status != SubOrderStatus.CANCELLED]


def _delivered_at():
    return Subquery(
        SubOrderEvent.objects.filter(suborder=OuterRef("pk"), status=SubOrderStatus.DELIVERED)
        .order_by("created_at")
        .values("created_at")[:1]
    )


def _cooperative_rows(month: date) -> list[CooperativeMonth]:
    start, end = month_bounds(month)
    live = ~Q(status=SubOrderStatus.CANCELLED)
    done = Q(status__in=DONE, delivered_at__isnull=False)
    per_method: dict[str, Any] = {}
    for column, code in METHOD_CODES.items():
        per_method[f"{column}_orders"] = Count("pk", filter=live & Q(payment_method=code))
        per_method[f"{column}_gmv"] = Coalesce(Sum("lines_total", filter=live & Q(payment_method=code)), ZERO)
    rows = (
        SubOrder.objects.filter(created_at__gte=start, created_at__lt=end)
        .annotate(delivered_at=_delivered_at())
        .values("partner_id")
        .annotate(
            orders=Count("pk"),
            cancelled=Count("pk", filter=~live),
            gmv=Coalesce(Sum("lines_total", filter=live), ZERO),
            delivered=Count("pk", filter=done),
            delivery_time=Sum(
                ExpressionWrapper(F("delivered_at") - F("created_at"), output_field=DurationField()),
                filter=done,
            ),
            last_order_at=Max("created_at"),
            **per_method,
        )
        .order_by()
    )
    summaries = []
    for row in rows:
        duration = row.pop("delivery_time")
        row["delivery_seconds"] = int(duration.total_seconds()) if duration else 0
        row = {key: int(value) if isinstance(value, Decimal) else value for key, value in row.items()}
        summaries.append(CooperativeMonth(month=month, **row))
    return summaries


def _ocop_of_products(month: date) -> dict[int, tuple[str, int]]:
    """{product id: (group, stars)} of each product's best certificate valid during the month."""
    start, end = month, month_start(month + timedelta(days=32))
    links = (
        Certificate.products.through.objects.filter(
            certificate__status=Verification.VERIFIED,
            certificate__signed_on__lt=end,
            certificate__expires_on__gte=start,
        )
        .values_list("product_id", "certificate__group_code", "certificate__stars")
        .order_by("product_id", "certificate__stars")
    )
    return {product_id: ((code or "").split(".")[0], stars) for product_id, code, stars in links}


def _group_rows(month: date) -> list[CooperativeMonthGroup]:
    start, end = month_bounds(month)
    ocop = _ocop_of_products(month)
    lines = (
        Line.objects.filter(
            order__suborders__partner_id=F("partner_id"),
            order__suborders__created_at__gte=start,
            order__suborders__created_at__lt=end,
            order__suborders__status__in=LIVE,
        )
        .values("partner_id", "product_id")
        .annotate(gmv=Sum("line_price_incl_tax"), quantity=Sum("quantity"))
        .order_by()
    )
    totals: dict[tuple[int, str, int], list[int]] = {}
    for line in lines:
        group, stars = ocop.get(line["product_id"], ("", 0))
        total = totals.setdefault((line["partner_id"], group, stars), [0, 0])
        total[0] += int(line["gmv"] or 0)
        total[1] += int(line["quantity"] or 0)
    return [
        CooperativeMonthGroup(
            month=month, partner_id=partner_id, group=group, stars=stars, gmv=gmv, quantity=qty
        )
        for (partner_id, group, stars), (gmv, qty) in totals.items()
    ]


def summaries_refresh(*, months: list[date]) -> int:
    """Rewrite the summary rows of these months (each a first day) from the sub-orders; returns how
    many cooperative-month rows were written."""
    written = 0
    for month in sorted(set(months)):
        with transaction.atomic():
            cooperative_rows, group_rows = _cooperative_rows(month), _group_rows(month)
            CooperativeMonth.objects.filter(month=month).delete()
            CooperativeMonthGroup.objects.filter(month=month).delete()
            CooperativeMonth.objects.bulk_create(cooperative_rows, batch_size=2000)
            CooperativeMonthGroup.objects.bulk_create(group_rows, batch_size=2000)
        written += len(cooperative_rows)
    return written


def _months_of(queryset) -> list[date]:
    return sorted({moment.date() for moment in queryset.datetimes("created_at", "month")})


def summaries_refresh_changed(*, now=None) -> list[date]:
    """Keep the summaries up: rewrite the months of the sub-orders saved since the last run (all
    months on the first run). Safe to run twice and at any time; returns the months rewritten."""
    now = now or timezone.now()
    mark = SummaryMark.objects.filter(name=MARK).first()
    changed = SubOrder.objects.all() if mark is None else SubOrder.objects.filter(updated_at__gte=mark.value)
    months = _months_of(changed)
    if mark is None:  # the first run also clears rows of months that no longer have sub-orders
        CooperativeMonth.objects.exclude(month__in=months).delete()
        CooperativeMonthGroup.objects.exclude(month__in=months).delete()
    summaries_refresh(months=months)
    SummaryMark.objects.update_or_create(name=MARK, defaults={"value": now - OVERLAP})
    return months


def summaries_rebuild() -> list[date]:
    """Forget the mark and rewrite every month (after a bulk import, or to repair)."""
    SummaryMark.objects.filter(name=MARK).delete()
    return summaries_refresh_changed()


def summaries_refresh_recent(*, today: date | None = None) -> int:
    today = today or timezone.localdate()
    this_month = month_start(today)
    return summaries_refresh(months=[month_start(this_month - timedelta(days=1)), this_month])
