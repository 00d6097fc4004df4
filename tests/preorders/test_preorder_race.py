"""The cap holds when buyers race for its last units (PostgreSQL: real concurrent transactions; the
offer's row is locked while the live pre-orders are counted)."""

import threading

import pytest
from celery import _state as celery_state
from django.db import connection
from django.test import Client
from oscar.core.loading import get_model

from marketplace.order.models import SubOrder
from marketplace.preorders.models import PreorderLine
from tests.helpers.checkout import checkout_until_preview, place_order

Order = get_model("order", "Order")
StockRecord = get_model("partner", "StockRecord")
BUYERS = 12


@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL (DATABASE_URL)")
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_twelve_buyers_race_for_the_last_five_pre_order_units(country_vn, rice, rice_offer):
    rice_offer.cap = 5
    rice_offer.save()  # before any page is read
    buyers = []
    for number in range(BUYERS):
        buyer = Client(REMOTE_ADDR=f"10.0.1.{number + 1}")
        response = checkout_until_preview(buyer, [(rice, 1)], email=f"mua{number}@example.vn")
        assert response.redirect_chain[-1][0] == "/checkout/preview/"
        buyers.append(buyer)
    connection.close()

    start = threading.Barrier(BUYERS)
    results = [None] * BUYERS

    def buy(index):
        from django.db import connections

        try:
            start.wait()
            results[index] = place_order(buyers[index])
        finally:
            connections.close_all()

    threads = [threading.Thread(target=buy, args=(i,)) for i in range(BUYERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    celery_state._set_task_join_will_block(False)

    bought = [r for r in results if r.redirect_chain and r.redirect_chain[-1][0] == "/checkout/thank-you/"]
    refused = [r for r in results if "người khác đã đặt trước bạn" in r.content.decode()]
    others = [r for r in results if r not in bought and r not in refused]
    assert not others, others[0].content.decode()[-3000:]
    assert (len(bought), len(refused)) == (5, BUYERS - 5)
    assert Order.objects.count() == 5 and SubOrder.objects.count() == 5
    assert sum(PreorderLine.objects.values_list("quantity", flat=True)) == 5
    record = StockRecord.objects.get(product=rice)
    assert (record.num_in_stock, record.num_allocated or 0) == (2, 0)  # stock never touched
