"""Search latency on PostgreSQL with 10,000 and 100,000 products (a script, not a timed test).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/<name>_bench \\
        .venv/bin/python benchmarks/search_latency.py --sizes 10000 100000

Any database whose name contains `_bench` is accepted (each person their own).

Creates the database if needed, migrates it, grows the catalogue to each size with generated
Vietnamese products (bulk inserts, then the same index rebuild as `search_index --rebuild`), and
prints p50/p95 in milliseconds of a full results page (search, facets, product cards) per query,
then the precision and recall of typo-tolerant search on queries built from the catalogue: titles
typed without accents, each word of four letters or more with one letter dropped, added, swapped
with its neighbour or wrong (`--typo-queries`, default 200; goal: both above 0.9).

The catalogue's counts are cached until the next index write: "browse, counts recomputed" bumps
that version before each run. `--explain` also prints each page's statements' summed
`EXPLAIN ANALYZE` planning and execution time ("server ms"), which the load moves much less than
the wall clock.
"""

import argparse
import functools
import os
import random
import statistics
import sys
import time
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path
from urllib.parse import urlparse

KINDS = [
    "Cơm cháy chà bông",
    "Nước mắm cốt",
    "Mắm tép",
    "Nem chua",
    "Gạo tám thơm",
    "Chè hoa vàng",
    "Trống đồng",
    "Chiếu cói",
    "Mật ong rừng",
    "Bánh gai",
    "Rượu nếp",
    "Đường phèn",
    "Dầu dưỡng tóc",
    "Chè Dương Liễu",
    "Thịt dê núi",
    "Bánh đa",
    "Muối biển",
    "Hạt sen",
]
PLACES = [
    "Gia Sinh",
    "Hải Hậu",
    "Kim Sơn",
    "Ngọc Lũ",
    "Yên Mạc",
    "Đồng Văn",
    "Kiện Khê",
    "Bình Mỹ",
    "Giao Thủy",
    "Nho Quan",
    "Cúc Phương",
    "Tống Xá",
    "Nha Xá",
    "Văn Lâm",
    "Quèn Thờ",
]
SIZES = ["200 g", "500 g", "1 kg", "hộp quà", "túi", "chai 500 ml", "loại đặc biệt"]
QUERIES = [
    ("browse (empty query)", {}),
    ("com chay", {"text": "com chay"}),
    ("nuoc mam", {"text": "nuoc mam"}),
    ("dong", {"text": "dong"}),
    ("dương (exact accents)", {"text": "dương"}),
    ("nuocc mam (typo)", {"text": "nuocc mam"}),
    ("com chay + area + stars", {"text": "com chay", "filters": {"area": ("ninh_binh",), "stars": ("4",)}}),
    ("browse, price ascending", {"sort": "price-asc"}),
    ("cuc phong (typo, 5 letters)", {"text": "cuc phong"}),
    ("cheu coi (typo, 4 letters)", {"text": "cheu coi"}),
]
LETTERS = "abcdefghijklmnopqrstuvwxyz"


def ensure_database(url: str) -> None:
    import psycopg

    parts = urlparse(url)
    name = parts.path.lstrip("/")
    admin = parts._replace(path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True) as connection:
        if not connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            connection.execute(f'CREATE DATABASE "{name}"')


def grow_catalogue(target: int) -> None:
    from django.db import transaction
    from django.utils import timezone
    from oscar.core.loading import get_model

    from marketplace.catalogue.models import Product
    from marketplace.catalogue.services import default_product_class
    from marketplace.demo import loader
    from marketplace.ocop.models import Certificate, Verification
    from marketplace.partner.models import Area, IdentityMethod, Partner, Status, StockRecord

    ProductCategory = get_model("catalogue", "ProductCategory")
    rng = random.Random(target)  # noqa: S311 - reproducible test data, not secrets
    categories = [c for c in loader.load_categories().values() if c.is_leaf()]
    partners = list(Partner.objects.filter(name__startswith="HTX thử tải"))
    areas = list(Area.values)
    verified = {"identity_method": IdentityMethod.DOCUMENT, "identity_verified_at": timezone.now()}
    # Only cooperatives approved with the seller's identity verified have products on sale.
    Partner.objects.filter(pk__in=[p.pk for p in partners], identity_verified_at__isnull=True).update(
        **verified
    )
    for n in range(len(partners), 200):
        partners.append(
            Partner.objects.create(
                name=f"HTX thử tải {PLACES[n % len(PLACES)]} {n}",
                area=areas[n % 3],
                status=Status.APPROVED,
                **verified,
            )
        )
    have = Product.objects.count()
    if have >= target:
        return
    product_class = default_product_class()
    with transaction.atomic():
        for start in range(have, target, 2000):
            end = min(start + 2000, target)
            products = Product.objects.bulk_create(
                [
                    Product(
                        title=f"{rng.choice(KINDS)} {rng.choice(PLACES)} {rng.choice(SIZES)}",
                        description=f"Sản phẩm của hợp tác xã vùng {rng.choice(PLACES)}, số {i}.",
                        upc=f"BENCH-{i}",
                        slug=f"bench-{i}",
                        product_class=product_class,
                        structure=Product.STANDALONE,
                        is_public=True,
                    )
                    for i in range(start, end)
                ]
            )
            records = StockRecord.objects.bulk_create(
                [
                    StockRecord(
                        product=p,
                        partner=rng.choice(partners),
                        partner_sku=p.upc,
                        price=Decimal(rng.randrange(20, 900) * 1000),
                        price_currency="VND",
                        num_in_stock=rng.randrange(0, 50),
                    )
                    for p in products
                ]
            )
            ProductCategory.objects.bulk_create(
                [ProductCategory(product=p, category=rng.choice(categories)) for p in products]
            )
            owners = {record.product_id: record.partner_id for record in records}
            certified = [p for p in products if rng.random() < 0.2]
            certificates = Certificate.objects.bulk_create(
                [
                    Certificate(
                        partner_id=owners[p.pk],
                        stars=rng.choice([3, 3, 3, 4, 5]),
                        decision_number=f"BENCH-{p.pk}",
                        signed_on=date(2025, 1, 1),
                        expires_on=date(2028, 1, 1),
                        issuer="UBND tỉnh Ninh Bình",
                        status=Verification.VERIFIED,
                    )
                    for p in certified
                ]
            )
            Certificate.products.through.objects.bulk_create(
                [
                    Certificate.products.through(certificate_id=c.pk, product_id=p.pk)
                    for c, p in zip(certificates, certified, strict=True)
                ]
            )
            print(f"  {end}/{target} products", end="\r", flush=True)
    print()


def _timed(call, runs: int, before=None) -> tuple[float, float]:
    for __ in range(3):
        if before:
            before()
        call()
    timings = []
    for __ in range(runs):
        if before:
            before()
        started = time.perf_counter()
        call()
        timings.append((time.perf_counter() - started) * 1000)
    timings.sort()
    return statistics.median(timings), timings[max(int(len(timings) * 0.95) - 1, 0)]


def _server_ms(call, before=None) -> float:
    """The page's statements run again under EXPLAIN ANALYZE: their summed execution time in the
    database, which the machine's load moves much less than the wall clock."""
    import json

    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    call()
    if before:
        before()
    with CaptureQueriesContext(connection) as captured:
        call()
    total = 0.0
    with connection.cursor() as cursor:
        for query in captured.captured_queries:
            sql = query["sql"]
            if not sql.lstrip().upper().startswith(("SELECT", "WITH")):
                continue
            cursor.execute("EXPLAIN (ANALYZE, FORMAT JSON) " + sql)
            plan = cursor.fetchone()[0]
            plan = json.loads(plan) if isinstance(plan, str) else plan
            total += plan[0]["Planning Time"] + plan[0]["Execution Time"]
    return total


def measure(runs: int, explain: bool = False) -> list[tuple[str, float, float, float | None]]:
    from marketplace.core import fragments
    from search import selectors
    from search.query import SearchQuery

    def cold() -> None:
        fragments.bump("search")  # a write to the index: the catalogue's counts are recomputed

    calls: list[tuple[str, Callable[[], object], Callable[[], None] | None]] = [
        (label, functools.partial(selectors.product_results, SearchQuery(**kwargs)), None)  # type: ignore[arg-type]
        for label, kwargs in QUERIES
    ]
    calls.insert(1, ("browse, counts recomputed", lambda: selectors.product_results(SearchQuery()), cold))
    calls.append(("suggest “nuoc ma”", lambda: selectors.suggestions("nuoc ma"), None))
    rows = []
    for label, call, before in calls:
        p50, p95 = _timed(call, runs, before)
        server = _server_ms(call, before) if explain else None
        rows.append((label, p50, p95, server))
    return rows


def misspelt(word: str, rng: random.Random) -> str:
    """One edit: a letter dropped, added, swapped with the next one, or wrong."""
    at = rng.randrange(len(word))
    kind = rng.choice(["drop", "add", "swap", "wrong"])
    if kind == "drop":
        return word[:at] + word[at + 1 :]
    if kind == "add":
        return word[:at] + rng.choice(LETTERS) + word[at:]
    if kind == "swap" and at < len(word) - 1 and word[at] != word[at + 1]:
        return word[:at] + word[at + 1] + word[at] + word[at + 2 :]
    return word[:at] + rng.choice([c for c in LETTERS if c != word[at]]) + word[at + 1 :]


def precision_recall(count: int, seed: int = 7) -> tuple[float, float, int]:
    """Mean precision and recall over `count` misspelt accent-free titles of the catalogue.

    The products relevant to a query are those its correctly spelt form (the accent-free title)
    finds; a misspelt query should find the same ones: precision is the share of what it finds
    that is relevant, recall the share of the relevant it finds (up to 2,000 products each)."""
    from search import backends
    from search.models import ProductIndex
    from search.query import SearchQuery
    from search.text import TYPO_MIN_LENGTH

    rng = random.Random(seed)  # noqa: S311 - reproducible test data
    titles = sorted(set(ProductIndex.objects.values_list("title", flat=True)))
    precisions, recalls = [], []
    for title in rng.sample(titles, min(count, len(titles))):
        original = title.split()
        relevant = set(backends.search(SearchQuery(text=" ".join(original), facets=False, limit=2000)).ids)
        typed = " ".join(misspelt(w, rng) if len(w) >= TYPO_MIN_LENGTH else w for w in original)
        found = set(backends.search(SearchQuery(text=typed, facets=False, limit=2000)).ids)
        hits = len(found & relevant)
        precisions.append(hits / len(found) if found else 0.0)
        recalls.append(hits / len(relevant) if relevant else 1.0)
    if not precisions:
        sys.exit("No product is searchable: is any cooperative approved with its identity verified?")
    return statistics.mean(precisions), statistics.mean(recalls), len(precisions)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--no-rebuild", action="store_true", help="Measure with the index already built.")
    parser.add_argument("--typo-queries", type=int, default=200, help="Misspelt titles to measure (0: none).")
    parser.add_argument(
        "--explain",
        action="store_true",
        help="Also sum each page's EXPLAIN ANALYZE times (planning + execution).",
    )
    args = parser.parse_args()
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres") or "_bench" not in urlparse(url).path:
        sys.exit("Set DATABASE_URL to a PostgreSQL database whose name contains _bench.")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "marketplace.settings.dev")
    os.environ.setdefault("ELASTICSEARCH_URL", "")
    ensure_database(url)
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the project, when run as a script
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from search import receivers, services

    call_command("migrate", verbosity=0)
    receivers.enqueue = lambda task, **kwargs: None  # bulk loading: the rebuild below indexes everything
    import logging

    logging.disable(logging.WARNING)
    for size in args.sizes:
        print(f"== {size:,} products")
        grow_catalogue(size)
        if not args.no_rebuild:
            started = time.perf_counter()
            indexed = services.database_index_rebuild()
            print(f"  index rebuilt: {indexed:,} products in {time.perf_counter() - started:.1f} s")
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")  # fresh statistics after bulk loading, as autovacuum would
        load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
        print(f"  load average while measuring: {load} ({os.cpu_count()} cores)")
        print(
            f"  {'query':<28} {'p50 ms':>8} {'p95 ms':>8}" + (f" {'server ms':>10}" if args.explain else "")
        )
        for label, p50, p95, server in measure(args.runs, args.explain):
            extra = f" {server:>10.1f}" if server is not None else ""
            print(f"  {label:<28} {p50:>8.1f} {p95:>8.1f}{extra}")
        if args.typo_queries:
            precision, recall, n = precision_recall(args.typo_queries)
            print(f"  typo tolerance on {n} misspelt titles: precision {precision:.3f}, recall {recall:.3f}")


if __name__ == "__main__":
    main()
