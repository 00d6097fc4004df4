"""A cooperative's own sales, for its "Doanh thu" page in the seller centre.

Every figure is read through the cooperative's sub-orders (`partner=` in each query), so nothing of
another cooperative comes out; each is one query whatever the number of orders. Sales are the goods
value (`lines_total`, without shipping) of sub-orders that were not cancelled."""

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from django.db.models import Count, Max, Q, QuerySet, Sum, Value
from django.db.models.functions import Coalesce, TruncDay, TruncMonth, TruncWeek
from django.utils import timezone
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from marketplace.core.money import format_vnd
from marketplace.ledger import selectors as ledger
from marketplace.order.models import SubOrder, SubOrderStatus
from marketplace.partner.models import Partner

from ..charts import Chart, render, table
from ..periods import add_months, local_midnight, month_start, week_start
from .words import comparison, method_label

ZERO = Value(Decimal(0))
Line = get_model("order", "Line")

LIVE = ~Q(status=SubOrderStatus.CANCELLED)
PERIODS = {"30": 30, "90": 90, "365": 365}  # the figures under the chart: the last N days
UNITS = {"ngay": "day", "tuan": "week", "thang": "month"}  # the chart: by day, week or month
STEPS = {"day": 14, "week": 8, "month": 12}  # how many of each the chart shows
TOP = 5
LEDGER_LINES = 5
STATEMENTS = 3


@dataclass
class Figures:
    orders: int
    sales: int
    average: int
    cancelled: int
    buyers: int
    repeat_buyers: int


def _suborders(partner: Partner) -> QuerySet:
    return SubOrder.objects.filter(partner=partner)


def _period_starts(unit: str, today: date) -> list[date]:
    count = STEPS[unit]
    if unit == "day":
        return [today - timedelta(days=count - 1 - i) for i in range(count)]
    if unit == "week":
        return [week_start(today) - timedelta(weeks=count - 1 - i) for i in range(count)]
    return [add_months(month_start(today), i - count + 1) for i in range(count)]


def _label(unit: str, start: date) -> str:
    return start.strftime("%m/%y") if unit == "month" else start.strftime("%d/%m")


def sales_chart(partner: Partner, *, unit: str, today: date) -> Chart:
    """Orders and sales per day (14), week (8) or month (12), the last one being the current."""
    starts = _period_starts(unit, today)
    trunc = {"day": TruncDay, "week": TruncWeek, "month": TruncMonth}[unit]
    rows = (
        _suborders(partner)
        .filter(LIVE, created_at__gte=local_midnight(starts[0]))
        .annotate(period=trunc("created_at"))
        .values("period")
        .annotate(orders=Count("pk"), sales=Coalesce(Sum("lines_total"), ZERO))
        .order_by()
    )
    found = {timezone.localtime(row["period"]).date(): row for row in rows}
    orders = [found.get(start, {}).get("orders", 0) for start in starts]
    sales = [int(found.get(start, {}).get("sales", 0)) for start in starts]
    title = {
        "day": _("Bán được theo ngày"),
        "week": _("Bán được theo tuần"),
        "month": _("Bán được theo tháng"),
    }[unit]
    chart = Chart(
        title=title,
        summary=comparison(unit, orders[-1], orders[-2]),
        labels=[_label(unit, start) for start in starts],
        series={_("Tiền hàng"): sales, _("Số đơn"): orders},
    )
    table(chart, _("Thời gian"), [format_vnd, str])
    return render(chart, every={"day": 2, "week": 2, "month": 3}[unit], drawn=[_("Tiền hàng")])


def figures(partner: Partner, *, since) -> Figures:
    """Orders, sales, average order, cancellations and buyers who came back, since `since`."""
    totals = (
        _suborders(partner)
        .filter(created_at__gte=since)
        .aggregate(
            orders=Count("pk", filter=LIVE),
            sales=Coalesce(Sum("lines_total", filter=LIVE), ZERO),
            cancelled=Count("pk", filter=~LIVE),
        )
    )
    buyers = (
        _suborders(partner)
        .filter(LIVE)
        .values("order__user_id", "order__guest_email")
        .annotate(ever=Count("pk"), recent=Count("pk", filter=Q(created_at__gte=since)))
        .filter(recent__gt=0)
        .order_by()
    )
    counts = [row["ever"] for row in buyers]
    orders, sales = totals["orders"], int(totals["sales"])
    return Figures(
        orders=orders,
        sales=sales,
        average=sales // orders if orders else 0,
        cancelled=totals["cancelled"],
        buyers=len(counts),
        repeat_buyers=sum(1 for ever in counts if ever > 1),
    )


def status_chart(partner: Partner, *, since) -> Chart:
    rows = (
        _suborders(partner).filter(created_at__gte=since).values("status").annotate(n=Count("pk")).order_by()
    )
    found = {row["status"]: row["n"] for row in rows}
    statuses = [status for status in SubOrderStatus if found.get(status.value)] or [SubOrderStatus.NEW]
    counts = [found.get(status.value, 0) for status in statuses]
    waiting = found.get(SubOrderStatus.NEW, 0)
    summary = (
        _("Có %(n)s đơn mới đang chờ bạn xác nhận.") % {"n": waiting}
        if waiting
        else _("Không có đơn nào đang chờ xác nhận.")
    )
    chart = Chart(
        title=_("Đơn hàng theo trạng thái"),
        summary=summary,
        labels=[str(status.label) for status in statuses],
        series={_("Số đơn"): counts},
    )
    return render(table(chart, _("Trạng thái")), kind="hbar")


def payment_chart(partner: Partner, *, since) -> Chart:
    rows = (
        _suborders(partner)
        .filter(LIVE, created_at__gte=since)
        .values("payment_method")
        .annotate(orders=Count("pk"), sales=Coalesce(Sum("lines_total"), ZERO))
        .order_by("-orders", "payment_method")
    )
    rows = list(rows)
    total = sum(row["orders"] for row in rows)
    if rows:
        top = rows[0]
        summary = _("%(share)s%% số đơn trả bằng %(method)s.") % {
            "share": round(100 * top["orders"] / total),
            "method": method_label(top["payment_method"]).lower(),
        }
    else:
        summary = _("Chưa có đơn nào trong thời gian này.")
    chart = Chart(
        title=_("Cách khách trả tiền"),
        summary=summary,
        labels=[method_label(row["payment_method"]) for row in rows],
        series={
            _("Số đơn"): [row["orders"] for row in rows],
            _("Tiền hàng"): [int(row["sales"]) for row in rows],
        },
    )
    table(chart, _("Cách trả"), [str, format_vnd])
    return render(chart, kind="hbar", drawn=[_("Số đơn")])


def top_products(partner: Partner, *, since) -> list[dict]:
    """The best sellers by money: [{product_id, title, quantity, sales}], at most five."""
    rows = (
        Line.objects.filter(
            partner=partner,
            order__suborders__partner=partner,
            order__suborders__created_at__gte=since,
            order__suborders__status__in=[s for s in SubOrderStatus.values if s != SubOrderStatus.CANCELLED],
        )
        .values("product_id")
        .annotate(title=Max("title"), quantity=Sum("quantity"), sales=Sum("line_price_incl_tax"))
        .order_by("-sales", "product_id")[:TOP]
    )
    return [{**row, "sales": int(row["sales"] or 0)} for row in rows]


def money(partner: Partner) -> dict:
    """The balance with the alliance (from the ledger), the latest ledger lines behind it and the
    latest monthly statements: three queries."""
    return {
        "balance": ledger.balance(partner),
        "entries": list(ledger.entries(partner).order_by("-occurred_at", "-pk")[:LEDGER_LINES]),
        "statements": list(ledger.statements(partner)[:STATEMENTS]),
    }


def report(partner: Partner, *, unit: str = "month", days: int = 30, today: date | None = None) -> dict:
    """Everything the "Doanh thu" page shows."""
    today = today or timezone.localdate()
    since = local_midnight(today - timedelta(days=days - 1))
    return {
        "sales_chart": sales_chart(partner, unit=unit, today=today),
        "figures": figures(partner, since=since),
        "status_chart": status_chart(partner, since=since),
        "payment_chart": payment_chart(partner, since=since),
        "top_products": top_products(partner, since=since),
        "money": money(partner),
        "since": since.date(),
        "days": days,
    }
