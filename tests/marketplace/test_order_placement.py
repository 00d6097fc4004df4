"""Placing an order: one sub-order per cooperative, numbers from a sequence, stock that never
goes below zero (and, on PostgreSQL, 50 buyers racing for the last 5 units)."""

import threading

import pytest
from celery import _state as celery_state
from django.db import connection
from django.test import Client
from oscar.core.loading import get_model

from marketplace.order.models import SubOrder, SubOrderStatus
from marketplace.order.services import order_number_next
from tests.factories import CooperativeFactory, make_product, shipping_settings_for
from tests.helpers.checkout import checkout_until_preview, place_order

Order = get_model("order", "Order")
StockRecord = get_model("partner", "StockRecord")


@pytest.mark.django_db
def test_one_sub_order_per_cooperative_with_its_lines_shipping_and_payment(
    client, country_vn, two_cooperatives, django_capture_on_commit_callbacks
):
    rice, paste = two_cooperatives
    shipping_settings_for(paste.stockrecords.get().partner, flat_fee=25000, free_above=200000)
    checkout_until_preview(client, [(rice, 2), (paste, 1)])
    with django_capture_on_commit_callbacks(execute=True):
        response = place_order(client)
    assert response.redirect_chain[-1][0] == "/checkout/thank-you/"

    order = Order.objects.get()
    suborders = list(order.suborders.order_by("number"))
    assert [s.partner.name for s in suborders] == [
        "Hợp tác xã Cơm cháy Gia Sinh",
        "Hợp tác xã Mắm tép Gia Viễn",
    ]
    assert [s.number for s in suborders] == [f"{order.number}-1", f"{order.number}-2"]
    assert [(s.lines_total, s.shipping_charge, s.total) for s in suborders] == [
        (90000, 0, 90000),
        (80000, 25000, 105000),
    ]
    assert [[line.title for line in s.lines] for s in suborders] == [
        ["Cơm cháy chà bông 200 g"],
        ["Mắm tép Gia Viễn 500 g"],
    ]
    assert {(s.payment_method, s.status, s.shipping_code) for s in suborders} == {
        ("cod", SubOrderStatus.NEW, "delivery")
    }
    assert order.total_incl_tax == 195000 and order.shipping_incl_tax == 25000
    assert order.status == "new"
    assert "105.000\xa0₫" in response.content.decode()


@pytest.mark.django_db
def test_order_numbers_come_from_the_database_and_never_repeat():
    numbers = [order_number_next() for __ in range(5)]
    assert len(set(numbers)) == 5
    assert [int(n) for n in numbers] == sorted(int(n) for n in numbers)
    assert all(int(n) > 100000 for n in numbers)


@pytest.mark.django_db
def test_a_buyer_who_wants_more_than_is_left_gets_a_clear_sold_out_message(
    client, country_vn, django_capture_on_commit_callbacks
):
    product = make_product(CooperativeFactory(), title="Nem chua Yên Mạc", price=50000, stock=3)
    checkout_until_preview(client, [(product, 2)])
    # Meanwhile someone else takes two of the three.
    StockRecord.objects.filter(product=product).update(num_allocated=2)
    with django_capture_on_commit_callbacks(execute=True):
        response = place_order(client)
    page = response.content.decode()
    assert "Nem chua Yên Mạc" in page and "hết hàng" in page
    assert Order.objects.count() == 0 and SubOrder.objects.count() == 0
    record = StockRecord.objects.get(product=product)
    assert (record.num_in_stock, record.num_allocated) == (3, 2)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL (DATABASE_URL)")
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_fifty_buyers_race_for_the_last_five_units(country_vn):
    product = make_product(CooperativeFactory(), title="Dê núi Ninh Bình 1 kg", price=350000, stock=5)
    buyers = []
    for number in range(50):
        buyer = Client(REMOTE_ADDR=f"10.0.0.{number + 1}")  # fifty people, fifty addresses (rate limits)
        response = checkout_until_preview(buyer, [(product, 1)], email=f"buyer{number}@example.vn")
        assert response.redirect_chain[-1][0] == "/checkout/preview/"
        buyers.append(buyer)
    connection.close()

    start = threading.Barrier(50)
    results = [None] * 50

    def buy(index):
        from django.db import connections

        try:
            start.wait()
            results[index] = place_order(buyers[index])
        finally:
            connections.close_all()

    threads = [threading.Thread(target=buy, args=(i,)) for i in range(50)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    # Eager tasks run in those threads flip Celery's process-wide "inside a task" flag without
    # thread safety, and one may be left set; later tests would then refuse `result.get()`.
    celery_state._set_task_join_will_block(False)

    bought = [r for r in results if r.redirect_chain and r.redirect_chain[-1][0] == "/checkout/thank-you/"]
    sold_out = [r for r in results if "vừa hết hàng" in r.content.decode()]
    others = [r for r in results if r not in bought and r not in sold_out]
    assert not others, others[0].content.decode()[-3000:]
    assert len(bought) == 5
    assert len(sold_out) == 45
    assert Order.objects.count() == 5 and SubOrder.objects.count() == 5
    record = StockRecord.objects.get(product=product)
    assert (record.num_in_stock, record.num_allocated) == (5, 5)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL (DATABASE_URL)")
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_concurrent_submissions_of_one_basket_place_one_order(country_vn, monkeypatch):
    """The buyer double-taps "Đặt hàng": two requests with the same session and basket at once."""
    from marketplace.checkout.views import PaymentDetailsView

    product = make_product(CooperativeFactory(), title="Cơm cháy Ninh Bình", price=40000, stock=20)
    first = Client()
    response = checkout_until_preview(first, [(product, 2)])
    assert response.redirect_chain[-1][0] == "/checkout/preview/"
    second = Client()
    second.cookies = first.cookies  # the same browser: same session, same basket
    connection.close()

    # Both requests have loaded the open basket before either goes on to place it.
    both_loaded = threading.Barrier(2, timeout=30)
    real_number = PaymentDetailsView.generate_order_number

    def number_when_both_are_here(self, basket):
        both_loaded.wait()
        return real_number(self, basket)

    monkeypatch.setattr(PaymentDetailsView, "generate_order_number", number_when_both_are_here)
    results = [None, None]

    def press(index, client):
        from django.db import connections

        try:
            results[index] = place_order(client)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=press, args=(i, c)) for i, c in enumerate((first, second))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    celery_state._set_task_join_will_block(False)

    [order] = Order.objects.all()
    assert SubOrder.objects.count() == 1
    assert StockRecord.objects.get(product=product).num_allocated == 2
    pages = [r.content.decode() for r in results]
    assert all(r.redirect_chain[-1][0] == "/checkout/thank-you/" for r in results)
    assert all(order.number in page for page in pages)
    # One browser (one cookie jar): the note about the second press shows on its page.
    assert any("đã được đặt từ lần bấm trước" in page for page in pages)


@pytest.mark.django_db
def test_pressing_place_order_again_after_it_went_through_leads_to_the_order(
    client, country_vn, django_capture_on_commit_callbacks
):
    product = make_product(CooperativeFactory(), title="Mắm tép Gia Viễn", price=60000, stock=20)
    checkout_until_preview(client, [(product, 1)])
    with django_capture_on_commit_callbacks(execute=True):
        place_order(client)
        again = place_order(client)  # the browser resent the form
    [order] = Order.objects.all()
    assert again.redirect_chain[-1][0] == "/checkout/thank-you/"
    page = again.content.decode()
    assert "đã được đặt từ lần bấm trước" in page and order.number in page
