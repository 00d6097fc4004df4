"""Label files and the provenance page: how long a label sheet takes to draw and how big it is, and,
given a running server with the demo loaded, how fast a provenance page answers.

    .venv/bin/python benchmarks/traceability.py [--url http://127.0.0.1:8000/truy-xuat/HH-TX-2610-01/]

Labels are drawn for an unsaved batch (no database needed). Prints figures; nothing is asserted.
The provenance page's query count is held constant by tests/traceability/test_provenance_page.py."""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
import urllib.request
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "marketplace.settings.test")


def timed(function, runs: int = 5) -> tuple[float, object]:
    times, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000, result


def labels() -> None:
    from marketplace.catalogue.models import Product
    from marketplace.traceability import labels as drawing
    from marketplace.traceability.models import Batch

    product = Product(title="Gạo sinh thái ruộng rươi Hải Hậu 5 kg", upc="8930000000019")
    batch = Batch(
        product=product, code="HH-RR-2610-01", produced_on=date(2026, 10, 1), best_before=date(2027, 10, 1)
    )
    for name, layout in drawing.LAYOUTS.items():
        for sheets in (1, 10):
            ms, pdf = timed(
                lambda layout=layout, sheets=sheets: drawing.labels_pdf(
                    batch, layout, layout.per_sheet * sheets
                )
            )
            print(f"labels {name} × {sheets} sheet(s): {ms:7.1f} ms, {len(pdf) / 1024:6.1f} KiB")
    ms, png = timed(lambda: drawing.label_png(batch))
    print(f"one label PNG:           {ms:7.1f} ms, {len(png) / 1024:6.1f} KiB")


def page(url: str, runs: int = 20) -> None:
    def fetch() -> bytes:
        request = urllib.request.Request(url, headers={"User-Agent": "chohtx-benchmarks"})  # noqa: S310
        with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
            return response.read()

    fetch()  # warm the caches
    ms, body = timed(fetch, runs)
    print(f"provenance page: median {ms:.1f} ms over {runs} requests, {len(body) / 1024:.1f} KiB of HTML")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", help="a provenance page on a running server")
    args = parser.parse_args()
    import django

    django.setup()
    labels()
    if args.url:
        page(args.url)
