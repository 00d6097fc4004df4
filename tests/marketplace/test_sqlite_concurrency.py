"""On the embedded default (SQLite), buyers who place orders at the same moment all get their
orders: no "database is locked", no English error from Oscar. A busy database that still fails
is explained in Vietnamese."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import OperationalError

from marketplace.checkout.errors import placement_errors_in_words

ROOT = Path(__file__).resolve().parents[2]
BUYERS = 8


def test_buyers_placing_orders_at_the_same_moment_on_a_sqlite_file_all_succeed(tmp_path):
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'race.sqlite3'}",
        "DJANGO_SETTINGS_MODULE": "marketplace.settings.test",
        "PYTHONPATH": str(ROOT),
    }
    run = subprocess.run(
        [sys.executable, "-m", "tests.marketplace.sqlite_checkout_race", str(BUYERS)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert run.returncode == 0, run.stderr[-4000:]
    summary = json.loads(run.stdout.strip().splitlines()[-1])
    assert summary["journal_mode"] == "wal"
    assert summary["failures"] == []
    assert (summary["placed"], summary["orders"], summary["allocated"]) == (BUYERS, BUYERS, BUYERS)
    assert "database is locked" not in run.stderr


def test_a_database_still_too_busy_is_explained_in_vietnamese():
    from oscar.apps.order.exceptions import UnableToPlaceOrder

    class View:
        @placement_errors_in_words
        def handle_order_placement(self, order_number, *args, **kwargs):
            raise OperationalError("database is locked")

    with pytest.raises(UnableToPlaceOrder) as raised:
        View().handle_order_placement("100001")
    assert "Rất nhiều người đang đặt hàng cùng lúc" in str(raised.value)
    assert "Đặt hàng" in str(raised.value) and "problem" not in str(raised.value)
