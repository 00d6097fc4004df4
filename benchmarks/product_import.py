"""Product import: time to check and to import a file of 5,000 products (an .xlsx built here),
then to re-import it with every price changed (5,000 updates).

    DATABASE_URL=sqlite:////tmp/import_bench.sqlite3 .venv/bin/python benchmarks/product_import.py
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/<your db> .venv/bin/python benchmarks/product_import.py

Migrates the database named by DATABASE_URL (use a throw-away one: it adds a cooperative and its
products), runs with the test settings (Celery eager: the task runs in this process), and prints
wall-clock seconds and rows per second for each phase.
"""

import argparse
import io
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "marketplace.settings.test")


def workbook(rows: int, *, price_step: int = 0) -> bytes:
    import openpyxl

    from marketplace.product_import.columns import COLUMNS

    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("Sản phẩm")
    sheet.append([column.heading for column in COLUMNS])
    for number in range(rows):
        values = {
            "sku": f"BENCH-{number:05d}",
            "title": f"Cơm cháy chà bông Gia Sinh loại {number}",
            "category": "I.3b",
            "price": 45000 + (number % 50) * 1000 + price_step,
            "stock": 10 + number % 90,
            "weight": 200 + number % 300,
            "description": "Cơm cháy giòn, chà bông heo, đóng túi zip. " * 3,
            "local_only": "Có" if number % 10 == 0 else "Không",
        }
        sheet.append([values.get(column.key, "") for column in COLUMNS])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def timed(label: str, rows: int, work):
    started = time.perf_counter()
    result = work()
    seconds = time.perf_counter() - started
    print(f"{label:<34}{seconds:>9.1f} s{rows / seconds:>10.0f} rows/s")
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=5000)
    options = parser.parse_args()

    import django

    django.setup()
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.core.management import call_command
    from django.db import connection

    call_command("migrate", verbosity=0)
    from marketplace.catalogue.services import category_ensure
    from marketplace.partner.services import cooperative_upsert
    from marketplace.product_import.services import product_import_check, product_import_start

    food = category_ensure(code="I", name="Thực phẩm")
    processed = category_ensure(code="I.3", name="Thực phẩm chế biến", parent=food)
    category_ensure(code="I.3b", name="Chế biến từ gạo, ngũ cốc", parent=processed)
    partner = cooperative_upsert(name="HTX Đo thời gian nhập", province="Ninh Bình", commune="Xã Gia Viễn")
    rows = options.rows
    print(f"{connection.vendor}, {rows} rows")

    for label, step in (("new products", 0), ("every price changed", 1000)):
        data = timed(f"build .xlsx ({label})", rows, lambda step=step: workbook(rows, price_step=step))
        print(f"  file size {len(data) / 1024:.0f} KB")
        job = timed(
            f"check ({label})",
            rows,
            lambda data=data: product_import_check(
                partner=partner, by=None, upload=SimpleUploadedFile("bench.xlsx", data)
            ),
        )
        print(f"  plan {job.plan}, refused {job.refused_rows}")
        job = timed(f"import ({label})", rows, lambda job=job: product_import_start(job=job))
        job.refresh_from_db()
        print(f"  {job.status}: {job.summary}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
