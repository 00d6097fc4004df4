"""Statement closing at scale: 1,000 cooperatives × 100 sub-orders (COD, VietQR and card, with
commission, household withholding, card refunds) on PostgreSQL, then the month's closing, run twice.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/h_ledger_bench \\
        .venv/bin/python benchmarks/statements.py [--cooperatives 1000] [--orders 100]

The ledger is written in bulk with the same transactions and entries the services write (writing a
million entries one event at a time would take far longer than the closing being measured); a
sample of 500 events is also written through the services to time the per-event cost. Prints the
times; nothing is asserted. Results: docs/ledger.md."""

from __future__ import annotations

import argparse
import os
import sys
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "marketplace.settings.dev")
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/h_ledger_bench")


def database_reset(url: str) -> None:
    """A fresh database every run (it must be the benchmark's own: its name ends in _bench)."""
    import psycopg

    name = url.rsplit("/", 1)[1]
    if not name.endswith("_bench"):
        raise SystemExit("The benchmark drops its database: give it one whose name ends in _bench.")
    with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}"')


class Timer:
    def __init__(self, label: str):
        self.label = label

    def __enter__(self):
        self.start = time.perf_counter()
        return self

    def __exit__(self, *exc):
        self.seconds = time.perf_counter() - self.start
        print(f"{self.label:<58} {self.seconds * 1000:>10,.0f} ms", flush=True)


def fill(*, cooperatives: int, orders: int, timer) -> object:
    """Cooperatives (one in ten a household business), `orders` orders each holding one sub-order
    of every cooperative, all paid last month, and their ledger transactions as the services write
    them: sale, shipping, money kept (cash and VietQR), 5% commission, withholding for households'
    card sales, and one card sale in twenty refunded with its commission and tax given back."""
    from django.utils import timezone
    from oscar.core.loading import get_model

    from marketplace.ledger.models import (
        Account,
        AccountKind,
        Entry,
        EntryKind,
        SubOrderCommission,
        Transaction,
    )
    from marketplace.ledger.months import month_bounds, month_of, month_previous
    from marketplace.order.models import SubOrder
    from marketplace.partner.models import Kind, Partner

    Order = get_model("order", "Order")
    month = month_previous(month_of())
    start, __ = month_bounds(month)
    with timer(f"create {cooperatives:,} cooperatives and {orders} orders"):
        partners = Partner.objects.bulk_create(
            Partner(
                name=f"HTX thử tải {i:04d}",
                code=f"bench-{i:04d}",
                kind=Kind.HOUSEHOLD if i % 10 == 0 else Kind.COOPERATIVE,
                bank_bin="970405",
                bank_account_number=f"{i:013d}",
                bank_account_holder=f"HTX THU TAI {i:04d}",
            )
            for i in range(cooperatives)
        )
        placed = Order.objects.bulk_create(
            Order(
                number=f"B{n:06d}",
                currency="VND",
                total_incl_tax=0,
                total_excl_tax=0,
                shipping_incl_tax=0,
                shipping_excl_tax=0,
                status="delivered",
                guest_email="thu-tai@chohtx.vn",
                date_placed=start + timezone.timedelta(hours=n % 600),
            )
            for n in range(orders)
        )
        platform = {
            kind: Account.objects.create(kind=kind)
            for kind in (AccountKind.CARD_CASH, AccountKind.DIRECT, AccountKind.COMMISSION, AccountKind.TAX)
        }
        coop_accounts = {
            a.partner_id: a
            for a in Account.objects.bulk_create(
                Account(kind=AccountKind.COOPERATIVE, partner=partner) for partner in partners
            )
        }
    methods = ("cod", "vietqr", "stripe")
    with timer(f"write {cooperatives * orders:,} sub-orders and their ledger"):
        for order_index, order in enumerate(placed):
            when = order.date_placed
            suborders = SubOrder.objects.bulk_create(
                SubOrder(
                    order=order,
                    partner=partner,
                    number=f"{order.number}-{p}",
                    status="delivered",
                    payment_method=methods[(order_index + p) % 3],
                    payment_status="paid",
                    paid_at=when,
                    shipping_code="flat",
                    shipping_label="Giao tận nơi",
                    shipping_charge=20_000,
                    lines_total=100_000 + (order_index * 7 + p) % 50 * 1_000,
                    total=120_000 + (order_index * 7 + p) % 50 * 1_000,
                )
                for p, partner in enumerate(partners)
            )
            SubOrderCommission.objects.bulk_create(
                SubOrderCommission(suborder=s, rate_bp=500) for s in suborders
            )
            plans = []  # (transaction, [(account, amount)])
            for s in suborders:
                coop = coop_accounts[s.partner_id]
                card = s.payment_method == "stripe"
                source = platform[AccountKind.CARD_CASH if card else AccountKind.DIRECT]
                goods, shipping = int(s.lines_total), int(s.shipping_charge)
                fee = goods * 500 // 10000
                steps = [
                    (EntryKind.SALE, source, goods),
                    (EntryKind.SHIPPING, source, shipping),
                    (EntryKind.COMMISSION, platform[AccountKind.COMMISSION], -fee),
                ]
                if not card:
                    steps.append((EntryKind.COLLECTED, source, -(goods + shipping)))
                household = s.partner_id % 10 == partners[0].pk % 10
                tax = goods * 150 // 10000 if card and household else 0
                if tax:
                    steps.append((EntryKind.WITHHOLDING, platform[AccountKind.TAX], -tax))
                if card and (order_index + s.partner_id) % 20 == 0:
                    steps += [
                        (EntryKind.REFUND, source, -(goods + shipping)),
                        (EntryKind.COMMISSION_REVERSAL, platform[AccountKind.COMMISSION], fee),
                    ]
                    if tax:
                        steps.append((EntryKind.WITHHOLDING_REVERSAL, platform[AccountKind.TAX], tax))
                for kind, other, amount in steps:
                    tx = Transaction(
                        key=f"{kind}:{s.pk}",
                        kind=kind,
                        partner_id=s.partner_id,
                        suborder=s,
                        occurred_at=when,
                        created_at=when,
                    )
                    plans.append((tx, [(other, amount), (coop, -amount)]))
            Transaction.objects.bulk_create([tx for tx, __ in plans], batch_size=5000)
            Entry.objects.bulk_create(
                [
                    Entry(
                        transaction=tx,
                        account=account,
                        amount=amount,
                        kind=tx.kind,
                        occurred_at=tx.occurred_at,
                    )
                    for tx, lines in plans
                    for account, amount in lines
                ],
                batch_size=10000,
            )
            if order_index % 10 == 9:
                print(f"  {order_index + 1} orders written", flush=True)
    sample = min(500, len(partners))
    extra = Order.objects.create(
        number="B-services",
        currency="VND",
        total_incl_tax=0,
        total_excl_tax=0,
        status="delivered",
        guest_email="thu-tai@chohtx.vn",
        date_placed=start + timezone.timedelta(days=3),
    )
    fresh = SubOrder.objects.bulk_create(
        SubOrder(
            order=extra,
            partner=partner,
            number=f"B-services-{p}",
            status="delivered",
            payment_method=methods[p % 3],
            payment_status="paid",
            paid_at=extra.date_placed,
            shipping_code="flat",
            shipping_charge=20_000,
            lines_total=150_000,
            total=170_000,
        )
        for p, partner in enumerate(partners[:sample])
    )
    from django.db import transaction

    from marketplace.ledger import services

    with timer(f"{sample} sub-orders paid through the services (each in its transaction)") as paid:
        for suborder in SubOrder.objects.filter(pk__in=[s.pk for s in fresh]).select_related("partner"):
            with transaction.atomic():
                services.suborder_paid(suborder)
    print(f"  {paid.seconds / sample * 1000:.1f} ms per paid sub-order (rate, sale, shipping, commission…)")
    return month


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cooperatives", type=int, default=1000)
    parser.add_argument("--orders", type=int, default=100)
    args = parser.parse_args()
    database_reset(os.environ["DATABASE_URL"])

    import django

    django.setup()
    from django.core.management import call_command

    with Timer("migrate"):
        call_command("migrate", verbosity=0)
    month = fill(cooperatives=args.cooperatives, orders=args.orders, timer=Timer)

    from django.db import connection

    from marketplace.ledger import exports, selectors
    from marketplace.ledger.models import Entry, Statement
    from marketplace.ledger.statements import statements_close

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    print(f"entries in the ledger: {Entry.objects.count():,}")
    with Timer(f"close {month:%m/%Y} for {args.cooperatives:,} cooperatives (first run)") as first:
        written = statements_close(month=month)
    with Timer("close the same month again (nothing to do)"):
        again = statements_close(month=month)
    print(
        f"statements written: {written:,} then {again}; {first.seconds / max(written, 1) * 1000:.2f} ms each"
    )
    statement = Statement.objects.filter(month=month).order_by("pk").first()
    with Timer("one cooperative: its statement lines (100 sub-orders)"):
        rows = selectors.statement_rows(statement.partner, month)
    with Timer("one cooperative: its balance"):
        selectors.balance(statement.partner)
    with Timer("one cooperative: statement PDF"):
        exports.statement_pdf(statement)
    with Timer("one cooperative: statement Excel"):
        exports.statement_xlsx(statement)
    with Timer("payouts page: cooperatives the alliance owes"):
        owed = list(selectors.positive_balances())
    print(f"rows on the statement: {len(rows)}; cooperatives owed: {len(owed):,}")
    print(f"({datetime.now():%d/%m/%Y %H:%M}, PostgreSQL {connection.pg_version // 10000})")


if __name__ == "__main__":
    main()
