"""The alliance's analytics: adoption of the floor by the cooperatives, and sales, read from the
monthly summary tables (`CooperativeMonth`, `CooperativeMonthGroup`) so that a page costs the same
few queries over a thousand sub-orders or a million.

Figures over a period take whole months, first to last, both included, optionally one former area
(`Partner.area`). Orders count sub-orders (one cooperative's part of an order); GMV is the goods
value of sub-orders not cancelled, without shipping."""

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db.models import Count, Exists, F, Min, OuterRef, Q, QuerySet, Sum
from django.utils import timezone
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from marketplace.core.money import format_vnd
from marketplace.ocop.models import Certificate, Verification
from marketplace.partner.models import Area, Partner, Status, StatusChange

from ..charts import Chart, render, table
from ..models import CooperativeMonth, CooperativeMonthGroup, SummaryMark
from ..periods import add_months, local_midnight, month_start, months_between
from .words import METHOD_COLUMNS, method_label

StockRecord = get_model("partner", "StockRecord")

TOP = 10
ACTIVE_DAYS = 30
SUMS = ("orders", "cancelled", "gmv", "delivered", "delivery_seconds") + tuple(
    f"{column}_{kind}" for column, __ in METHOD_COLUMNS for kind in ("orders", "gmv")
)


@dataclass(frozen=True)
class Filters:
    first: date  # first day of the first month
    last: date  # first day of the last month
    area: str = ""  # Area value, or "" for all

    @classmethod
    def default(cls, today: date | None = None) -> "Filters":
        this_month = month_start(today or timezone.localdate())
        return cls(first=add_months(this_month, -11), last=this_month)

    @property
    def months(self) -> list[date]:
        return months_between(self.first, self.last)


@dataclass
class Totals:
    orders: int = 0
    cancelled: int = 0
    gmv: int = 0
    delivered: int = 0
    delivery_seconds: int = 0
    methods: dict[str, tuple[int, int]] = field(default_factory=dict)  # code -> (orders, gmv)

    @property
    def cancellation_rate(self) -> float:
        """Share of sub-orders cancelled, in percent (one decimal)."""
        return round(100 * self.cancelled / self.orders, 1) if self.orders else 0.0

    @property
    def delivery_days(self) -> float:
        """Average days from order to delivery (one decimal) over the delivered sub-orders."""
        return round(self.delivery_seconds / self.delivered / 86400, 1) if self.delivered else 0.0

    @property
    def average_order(self) -> int:
        live = self.orders - self.cancelled
        return self.gmv // live if live else 0


def _area_label(code: str) -> str:
    return str(Area(code).label) if code in Area.values else _("Chưa rõ vùng")


def _sales(filters: Filters) -> QuerySet:
    rows = CooperativeMonth.objects.filter(month__gte=filters.first, month__lte=filters.last)
    return rows.filter(partner__area=filters.area) if filters.area else rows


def _totals(row: dict) -> Totals:
    return Totals(
        orders=row["orders"] or 0,
        cancelled=row["cancelled"] or 0,
        gmv=int(row["gmv"] or 0),
        delivered=row["delivered"] or 0,
        delivery_seconds=int(row["delivery_seconds"] or 0),
        methods={
            code: (row[f"{column}_orders"] or 0, int(row[f"{column}_gmv"] or 0))
            for column, code in METHOD_COLUMNS
        },
    )


def _summed(queryset: QuerySet, *keys: str) -> list[dict]:
    return list(queryset.values(*keys).annotate(**{name: Sum(name) for name in SUMS}).order_by(*keys))


# --- Sales ---------------------------------------------------------------------------------------
def sales_by_month(filters: Filters) -> list[tuple[date, Totals]]:
    found = {row["month"]: _totals(row) for row in _summed(_sales(filters), "month")}
    return [(month, found.get(month, Totals())) for month in filters.months]


def overall(by_month: list[tuple[date, Totals]]) -> Totals:
    total = Totals()
    for __, month in by_month:
        for name in ("orders", "cancelled", "gmv", "delivered", "delivery_seconds"):
            setattr(total, name, getattr(total, name) + getattr(month, name))
        for code, (orders, gmv) in month.methods.items():
            before = total.methods.get(code, (0, 0))
            total.methods[code] = (before[0] + orders, before[1] + gmv)
    return total


def sales_by_area(filters: Filters) -> list[tuple[str, Totals]]:
    return [
        (_area_label(row["partner__area"]), _totals(row)) for row in _summed(_sales(filters), "partner__area")
    ]


def sales_by_group(filters: Filters) -> list[dict]:
    """[{group, stars, gmv, quantity}] by OCOP group and stars, largest first (group "": not OCOP)."""
    rows = CooperativeMonthGroup.objects.filter(month__gte=filters.first, month__lte=filters.last)
    if filters.area:
        rows = rows.filter(partner__area=filters.area)
    grouped = (
        rows.values("group", "stars").annotate(gmv=Sum("gmv"), quantity=Sum("quantity")).order_by("-gmv")
    )
    return [{**row, "gmv": int(row["gmv"] or 0)} for row in grouped]


def cooperatives_ranked(filters: Filters) -> tuple[list[dict], list[dict]]:
    """The top and the bottom TOP approved cooperatives by GMV over the period (those that sold
    nothing are at the bottom with 0)."""
    sold = {
        row["partner_id"]: row
        for row in _sales(filters)
        .values("partner_id")
        .annotate(gmv=Sum("gmv"), orders=Sum("orders"))
        .order_by()
    }
    partners = Partner.objects.filter(status=Status.APPROVED)
    if filters.area:
        partners = partners.filter(area=filters.area)
    ranked = [
        {
            "pk": pk,
            "name": name,
            "area": _area_label(area),
            "gmv": int(sold.get(pk, {}).get("gmv") or 0),
            "orders": sold.get(pk, {}).get("orders") or 0,
        }
        for pk, name, area in partners.values_list("pk", "name", "area")
    ]
    ranked.sort(key=lambda row: (-row["gmv"], row["name"]))
    bottom = sorted(ranked, key=lambda row: (row["gmv"], row["name"]))[:TOP]
    return ranked[:TOP], bottom


# --- Adoption ------------------------------------------------------------------------------------
ADOPTION_COLUMNS = ("total", "applied", "approved", "on_sale", "bank", "ocop", "active")


def adoption_by_area(filters: Filters, *, today: date | None = None) -> list[dict]:
    """Cooperatives of each former area (all areas, or the one filtered) by how far they have come:
    registered, waiting for approval, approved; and of the approved ones: with products on sale,
    with a bank account (VietQR works), with a verified OCOP certificate in force, with an order in
    the last 30 days (from the summaries). One query."""
    today = today or timezone.localdate()
    approved = Q(status=Status.APPROVED)
    on_sale = Exists(
        StockRecord.objects.filter(partner=OuterRef("pk"), product__is_public=True, num_in_stock__gt=0)
    )
    ocop = Exists(
        Certificate.objects.filter(
            partner=OuterRef("pk"), status=Verification.VERIFIED, expires_on__gte=today
        )
    )
    active = Exists(
        CooperativeMonth.objects.filter(
            partner=OuterRef("pk"), last_order_at__gte=local_midnight(today - timedelta(days=ACTIVE_DAYS - 1))
        )
    )
    partners = Partner.objects.exclude(status=Status.REJECTED)
    if filters.area:
        partners = partners.filter(area=filters.area)
    rows = (
        partners.values("area")
        .annotate(
            total=Count("pk"),
            applied=Count("pk", filter=Q(status=Status.APPLIED)),
            approved=Count("pk", filter=approved),
            on_sale=Count("pk", filter=approved & Q(on_sale)),
            bank=Count("pk", filter=approved & ~Q(bank_bin="") & ~Q(bank_account_number="")),
            ocop=Count("pk", filter=approved & Q(ocop)),
            active=Count("pk", filter=approved & Q(active)),
        )
        .order_by("area")
    )
    return [{"area": _area_label(row["area"]), **{key: row[key] for key in ADOPTION_COLUMNS}} for row in rows]


def adoption_by_month(filters: Filters) -> list[dict]:
    """Month by month: cooperatives registered so far (applied), approved so far, and selling that
    month (a sub-order not cancelled)."""
    partners = Partner.objects.all()
    if filters.area:
        partners = partners.filter(area=filters.area)
    applied = list(partners.exclude(applied_at__isnull=True).values_list("applied_at", flat=True))
    first_approval = dict(
        StatusChange.objects.filter(to_status=Status.APPROVED, partner__in=partners)
        .values("partner_id")
        .annotate(at=Min("changed_at"))
        .values_list("partner_id", "at")
    )
    # Approved before status changes were recorded (imported, the demo): approved from the start.
    approved_always = partners.filter(status=Status.APPROVED).exclude(pk__in=list(first_approval)).count()
    selling = dict(
        _sales(filters)
        .filter(orders__gt=0)
        .exclude(orders=F("cancelled"))
        .values("month")
        .annotate(n=Count("partner_id"))
        .values_list("month", "n")
    )
    rows = []
    for month in filters.months:
        end = local_midnight(add_months(month, 1))
        rows.append(
            {
                "month": month,
                "applied": sum(1 for at in applied if at < end),
                "approved": approved_always + sum(1 for at in first_approval.values() if at < end),
                "selling": selling.get(month, 0),
            }
        )
    return rows


def summaries_as_of():
    """Up to when the summary tables count sub-orders (None before their first refresh)."""
    return SummaryMark.objects.filter(name="suborders").values_list("value", flat=True).first()


# --- Charts --------------------------------------------------------------------------------------
def gmv_chart(by_month: list[tuple[date, Totals]]) -> Chart:
    labels = [month.strftime("%m/%y") for month, __ in by_month]
    gmv = [totals.gmv for __, totals in by_month]
    orders = [totals.orders - totals.cancelled for __, totals in by_month]
    best = max(range(len(gmv)), key=lambda i: gmv[i]) if gmv else 0
    summary = (
        _("Tháng bán nhiều nhất là %(month)s với %(gmv)s từ %(orders)s đơn.")
        % {"month": by_month[best][0].strftime("%m/%Y"), "gmv": format_vnd(gmv[best]), "orders": orders[best]}
        if any(gmv)
        else _("Chưa có đơn hàng nào trong thời gian này.")
    )
    chart = Chart(
        title=_("Doanh số (GMV) theo tháng"),
        summary=summary,
        labels=labels,
        series={_("GMV"): gmv, _("Số đơn"): orders},
    )
    table(chart, _("Tháng"), [format_vnd, str])
    return render(chart, drawn=[_("GMV")], every=3 if len(labels) > 6 else 1)


def adoption_chart(rows: list[dict]) -> Chart:
    labels = [row["month"].strftime("%m/%y") for row in rows]
    chart = Chart(
        title=_("Hợp tác xã trên sàn theo tháng"),
        summary=(
            _("Đến %(month)s có %(approved)s hợp tác xã được duyệt, %(selling)s có đơn trong tháng.")
            % {
                "month": rows[-1]["month"].strftime("%m/%Y"),
                "approved": rows[-1]["approved"],
                "selling": rows[-1]["selling"],
            }
            if rows
            else ""
        ),
        labels=labels,
        series={
            _("Đã đăng ký"): [row["applied"] for row in rows],
            _("Đã duyệt"): [row["approved"] for row in rows],
            _("Có đơn trong tháng"): [row["selling"] for row in rows],
        },
    )
    table(chart, _("Tháng"))
    return render(chart, kind="line", every=3 if len(labels) > 6 else 1)


def method_chart(total: Totals) -> Chart:
    codes = [code for code, (orders, __) in total.methods.items() if orders]
    live = sum(total.methods[code][0] for code in codes)
    chart = Chart(
        title=_("Cách người mua trả tiền"),
        summary=(
            "; ".join(
                _("%(method)s %(share)s%%")
                % {"method": method_label(code), "share": round(100 * total.methods[code][0] / live)}
                for code in codes
            )
            if live
            else _("Chưa có đơn hàng nào trong thời gian này.")
        ),
        labels=[method_label(code) for code in codes],
        series={
            _("Số đơn"): [total.methods[code][0] for code in codes],
            _("GMV"): [total.methods[code][1] for code in codes],
        },
    )
    table(chart, _("Cách trả"), [str, format_vnd])
    return render(chart, kind="hbar", drawn=[_("Số đơn")])


def analytics(filters: Filters, *, today: date | None = None) -> dict:
    """Everything the analytics page and its Excel file show."""
    by_month = sales_by_month(filters)
    total = overall(by_month)
    top, bottom = cooperatives_ranked(filters)
    adoption_months = adoption_by_month(filters)
    return {
        "filters": filters,
        "adoption": adoption_by_area(filters, today=today),
        "adoption_months": adoption_months,
        "adoption_chart": adoption_chart(adoption_months),
        "by_month": by_month,
        "total": total,
        "gmv_chart": gmv_chart(by_month),
        "method_chart": method_chart(total),
        "by_area": sales_by_area(filters),
        "by_group": sales_by_group(filters),
        "top": top,
        "bottom": bottom,
    }
