"""Buyers who place orders at the same moment on the embedded default (a SQLite file), run by
`test_sqlite_concurrency.py` in a process of its own (the suite's SQLite database lives in memory,
where locking is not the same).

    DATABASE_URL=sqlite:////tmp/race.sqlite3 python -m tests.marketplace.sqlite_checkout_race 8

Migrates the file, adds one cooperative's product, takes `buyers` guests through the checkout to
the preview one after another, then has them all press "Đặt hàng" at once (one thread each: Django
gives each thread its own connection). Prints a JSON summary."""

import json
import os
import sys
import threading

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "marketplace.settings.test")


def main(buyers: int) -> dict:
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection, connections
    from django.test import Client
    from oscar.core.loading import get_model

    from tests.factories import CooperativeFactory, make_product, vietnam
    from tests.helpers.checkout import checkout_until_preview, place_order

    call_command("migrate", verbosity=0, interactive=False)
    vietnam()
    product = make_product(CooperativeFactory(name="Hợp tác xã Chè Bảo Lộc"), title="Chè Bảo Lộc", stock=100)
    clients = []
    for number in range(buyers):
        client = Client()
        checkout_until_preview(client, [(product, 1)], email=f"buyer{number}@example.vn")
        clients.append(client)
    connection.close()

    barrier = threading.Barrier(buyers)
    outcomes: list[dict] = []
    lock = threading.Lock()

    def buy(client) -> None:
        try:
            barrier.wait()
            response = place_order(client)
            page = response.content.decode()
            final = response.redirect_chain[-1][0] if response.redirect_chain else ""
            outcome = {"placed": final == "/checkout/thank-you/", "status": response.status_code}
            if not outcome["placed"]:
                start = page.find('class="alert')
                outcome["message"] = page[start : start + 400] if start >= 0 else page[:400]
        except Exception as exc:  # a crash in the view reaches here
            outcome = {"placed": False, "error": f"{type(exc).__name__}: {exc}"}
        finally:
            connections.close_all()
        with lock:
            outcomes.append(outcome)

    threads = [threading.Thread(target=buy, args=(client,)) for client in clients]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    Order = get_model("order", "Order")
    StockRecord = get_model("partner", "StockRecord")
    record = StockRecord.objects.get(product=product)
    return {
        "buyers": buyers,
        "placed": sum(1 for outcome in outcomes if outcome["placed"]),
        "orders": Order.objects.count(),
        "allocated": record.num_allocated,
        "journal_mode": connection.cursor().execute("PRAGMA journal_mode").fetchone()[0],
        "failures": [outcome for outcome in outcomes if not outcome["placed"]],
    }


if __name__ == "__main__":
    print(json.dumps(main(int(sys.argv[1]) if len(sys.argv) > 1 else 8), ensure_ascii=False))
