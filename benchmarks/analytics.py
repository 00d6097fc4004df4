"""The alliance's analytics page over a million sub-orders, on PostgreSQL.

    createdb -h 127.0.0.1 -U postgres chohtx_bench    # any database whose name ends in _bench
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/chohtx_bench \\
        .venv/bin/python benchmarks/analytics.py --suborders 1000000 --cooperatives 1000

Migrates the database, fills it with generated cooperatives (three former areas, most approved,
some with a bank account), three products each (half with an OCOP certificate), and N orders of one
sub-order and one line each, spread over the last 24 months, in every payment method and state
(bulk SQL: generate_series), with a "delivered" event for delivered ones. Then it times: a full
rebuild of the summary tables, a refresh after 1,000 sub-orders changed (what the beat task does
every 10 minutes), and the analytics page (the view and its template, as alliance staff; the
default twelve months, then one area) — warm-ups, then the median and 95th percentile of --runs.
`--no-generate` reuses the data already there. The goal: the page under 1 s.
"""

import argparse
import os
import statistics
import sys
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "marketplace.settings.dev")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import RequestFactory  # noqa: E402

DEFAULTS = {  # a value for any other NOT NULL column without a default, by type
    "character varying": "''",
    "text": "''",
    "integer": "0",
    "bigint": "0",
    "smallint": "0",
    "numeric": "0",
    "boolean": "false",
    "jsonb": "'{}'::jsonb",
    "timestamp with time zone": "now()",
    "date": "current_date",
}


def required_columns(table: str) -> dict[str, str]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = %s"
            " AND is_nullable = 'NO' AND column_default IS NULL",
            [table],
        )
        return dict(cursor.fetchall())


def insert(table: str, values: dict[str, str], source: str) -> None:
    """INSERT INTO table (…) SELECT … FROM source, with every required column given a value."""
    columns = dict(values)
    for column, kind in required_columns(table).items():
        if column not in columns and column != "id":
            columns[column] = DEFAULTS[kind]
    names = ", ".join(f'"{name}"' for name in columns)
    with connection.cursor() as cursor:
        sql = f"INSERT INTO {table} ({names}) SELECT {', '.join(columns.values())} FROM {source}"  # noqa: S608
        cursor.execute(sql)


# The products on sale (approved cooperatives), numbered 1…n.
STOCK_SQL = """
CREATE TEMP TABLE bench_stock AS
SELECT row_number() OVER (ORDER BY s.id) AS n, s.id, s.partner_id, s.product_id, s.price, p.name
FROM partner_stockrecord s JOIN partner_partner p ON p.id = s.partner_id
WHERE s.partner_sku LIKE 'bench-%%' AND p.status = 'approved'
"""
# One row per order to make: when, which product, how many, its state and payment method.
PLAN_SQL = """
CREATE TEMP TABLE bench_plan AS
SELECT g, 'B' || g AS number,
       now() - ((g::bigint * 7919) %% (730 * 86400)) * interval '1 second' AS placed,
       1 + (g::bigint * 104729) %% %(stock)s AS n,
       1 + g %% 3 AS quantity,
       CASE WHEN g %% 20 < 2 THEN 'cancelled' WHEN g %% 20 < 8 THEN 'completed'
            WHEN g %% 20 < 14 THEN 'delivered' WHEN g %% 20 < 16 THEN 'shipped'
            WHEN g %% 20 < 18 THEN 'confirmed' ELSE 'new' END AS status,
       CASE WHEN g %% 10 < 7 THEN 'cod' WHEN g %% 10 < 9 THEN 'vietqr' ELSE 'stripe' END AS method
FROM generate_series(1, %(suborders)s) g
"""


def generate(cooperatives: int, suborders: int) -> None:
    from marketplace.partner.models import Area

    areas = list(Area.values)
    with transaction.atomic():
        print(f"generating {cooperatives} cooperatives, {3 * cooperatives} products …", flush=True)
        insert(
            "partner_partner",
            {
                "code": "'bench-' || g",
                "name": "'HTX Thử ' || g",
                "status": "CASE WHEN g % 10 = 0 THEN 'applied' ELSE 'approved' END",
                "area": f"(ARRAY{areas})[1 + g % {len(areas)}]",
                "bank_bin": "CASE WHEN g % 10 < 7 THEN '970415' ELSE '' END",
                "bank_account_number": "CASE WHEN g % 10 < 7 THEN '00' || g ELSE '' END",
                "applied_at": "now() - (g % 700) * interval '1 day'",
                "kind": "'htx'",
                "province": "'Ninh Bình'",
            },
            f"generate_series(1, {cooperatives}) g",
        )
        insert(
            "catalogue_product",
            {
                "structure": "'standalone'",
                "title": "'Sản phẩm thử ' || p.id || '-' || k",
                "slug": "'bench-' || p.id || '-' || k",
                "is_public": "true",
                "date_created": "now()",
                "date_updated": "now()",
            },
            "partner_partner p, generate_series(1, 3) k WHERE p.code LIKE 'bench-%'",
        )
        insert(
            "partner_stockrecord",
            {
                "partner_id": "split_part(pr.slug, '-', 2)::int",
                "product_id": "pr.id",
                "partner_sku": "pr.slug",
                "price_currency": "'VND'",
                "price": "50000 + (pr.id % 20) * 10000",
                "num_in_stock": "100",
                "date_created": "now()",
                "date_updated": "now()",
            },
            "catalogue_product pr WHERE pr.slug LIKE 'bench-%'",
        )
        insert(
            "ocop_certificate",
            {
                "partner_id": "s.partner_id",
                "stars": "3 + s.product_id % 3",
                "group_code": "(ARRAY['I.3b','I.4a','II.1a','III.1','IV.1','I.5b'])[1 + s.product_id % 6]",
                "decision_number": "s.product_id || '/QĐ'",
                "signed_on": "current_date - 400",
                "expires_on": "current_date + 700",
                "issuer": "'UBND tỉnh Ninh Bình'",
                "status": "'verified'",
                "submitted_at": "now()",
            },
            "partner_stockrecord s WHERE s.partner_sku LIKE 'bench-%' AND s.product_id % 2 = 0",
        )
        insert(
            "ocop_certificate_products",
            {"certificate_id": "c.id", "product_id": "split_part(c.decision_number, '/', 1)::int"},
            "ocop_certificate c WHERE c.decision_number LIKE '%/QĐ' AND c.issuer = 'UBND tỉnh Ninh Bình'",
        )
    print(f"generating {suborders:,} orders, sub-orders, lines and events …", flush=True)
    started = time.perf_counter()
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute(STOCK_SQL)
            cursor.execute("SELECT count(*) FROM bench_stock")
            (stock_count,) = cursor.fetchone()
            cursor.execute(PLAN_SQL % {"stock": stock_count, "suborders": suborders})
        insert(
            "order_order",
            {
                "number": "b.number",
                "currency": "'VND'",
                "total_incl_tax": "s.price * b.quantity",
                "total_excl_tax": "s.price * b.quantity",
                "shipping_method": "'Giao tận nơi'",
                "shipping_code": "'flat'",
                "status": "b.status",
                "guest_email": "'khach' || (b.g % 50000) || '@example.vn'",
                "date_placed": "b.placed",
                "language": "'vi'",
            },
            "bench_plan b JOIN bench_stock s ON s.n = b.n",
        )
        insert(
            "order_suborder",
            {
                "order_id": "o.id",
                "partner_id": "s.partner_id",
                "number": "b.number || '-1'",
                "status": "b.status",
                "payment_method": "b.method",
                "payment_status": "CASE WHEN b.status = 'cancelled' THEN 'void' ELSE 'paid' END",
                "shipping_code": "'flat'",
                "shipping_label": "'Giao tận nơi'",
                "lines_total": "s.price * b.quantity",
                "total": "s.price * b.quantity",
                "created_at": "b.placed",
                "updated_at": "b.placed",
            },
            "bench_plan b JOIN bench_stock s ON s.n = b.n JOIN order_order o ON o.number = b.number",
        )
        insert(
            "order_line",
            {
                "order_id": "o.id",
                "partner_id": "s.partner_id",
                "partner_name": "s.name",
                "partner_sku": "'bench'",
                "stockrecord_id": "s.id",
                "product_id": "s.product_id",
                "title": "'Sản phẩm thử'",
                "quantity": "b.quantity",
                "line_price_incl_tax": "s.price * b.quantity",
                "line_price_excl_tax": "s.price * b.quantity",
                "line_price_before_discounts_incl_tax": "s.price * b.quantity",
                "line_price_before_discounts_excl_tax": "s.price * b.quantity",
                "unit_price_incl_tax": "s.price",
                "unit_price_excl_tax": "s.price",
                "status": "''",
            },
            "bench_plan b JOIN bench_stock s ON s.n = b.n JOIN order_order o ON o.number = b.number",
        )
        insert(
            "order_suborderevent",
            {
                "suborder_id": "so.id",
                "status": "'delivered'",
                "created_at": "so.created_at + (1 + so.id % 4) * interval '1 day'",
            },
            "order_suborder so WHERE so.status IN ('delivered', 'completed') AND so.number LIKE 'B%'",
        )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    print(f"  generated in {time.perf_counter() - started:.0f} s", flush=True)


def timed(function, runs: int, warmups: int = 2) -> list[float]:
    for __ in range(warmups):
        function()
    times = []
    for __ in range(runs):
        started = time.perf_counter()
        function()
        times.append((time.perf_counter() - started) * 1000)
    return times


def report(name: str, times: list[float]) -> None:
    ordered = sorted(times)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    print(f"{name:<42} p50 {statistics.median(ordered):7.0f} ms   p95 {p95:7.0f} ms   ({len(times)} runs)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--suborders", type=int, default=1_000_000)
    parser.add_argument("--cooperatives", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--no-generate", action="store_true")
    options = parser.parse_args()
    database = settings.DATABASES["default"]
    if database["ENGINE"] != "django.db.backends.postgresql" or not database["NAME"].endswith("_bench"):
        print("Set DATABASE_URL to a PostgreSQL database whose name ends in _bench.", file=sys.stderr)
        return 2
    call_command("migrate", verbosity=0)
    from django.contrib.auth import get_user_model

    from marketplace.order.models import SubOrder
    from marketplace.reports import services
    from marketplace.reports.dashboard_views import AnalyticsView
    from marketplace.reports.models import SummaryMark

    if not options.no_generate:
        generate(options.cooperatives, options.suborders)
    print(f"{SubOrder.objects.count():,} sub-orders in {database['NAME']}", flush=True)

    started = time.perf_counter()
    months = services.summaries_rebuild()
    print(f"{'summaries: full rebuild':<42} {time.perf_counter() - started:9.1f} s   ({len(months)} months)")
    # Ten minutes later: the sub-orders that moved meanwhile are recent ones, the 1,000 placed last.
    now = django.utils.timezone.now()
    SummaryMark.objects.filter(name=services.MARK).update(value=now)
    changed = list(SubOrder.objects.order_by("-created_at").values_list("pk", flat=True)[:1000])
    SubOrder.objects.filter(pk__in=changed).update(updated_at=now + timedelta(seconds=1))
    started = time.perf_counter()
    months = services.summaries_refresh_changed()
    seconds = time.perf_counter() - started
    print(f"{'summaries: refresh after 1,000 changed':<42} {seconds:9.1f} s   ({len(months)} months)")

    staff, __ = get_user_model().objects.get_or_create(
        email="bench-staff@example.vn", defaults={"is_staff": True}
    )
    factory = RequestFactory()
    view = AnalyticsView.as_view()

    def page(query: str = ""):
        request = factory.get("/dashboard/analytics/" + query)
        request.user = staff
        response = view(request)
        response.render()
        assert response.status_code == 200, response.status_code

    report("analytics page, last 12 months", timed(page, options.runs))
    report(
        "analytics page, 24 months, one area",
        timed(lambda: page("?first=" + first_of_24() + "&area=ha_nam"), options.runs),
    )
    return 0


def first_of_24() -> str:
    from django.utils import timezone

    from marketplace.reports.periods import add_months, month_start

    return add_months(month_start(timezone.localdate()), -23).strftime("%Y-%m")


if __name__ == "__main__":
    sys.exit(main())
