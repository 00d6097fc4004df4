"""A seller's stock edit changes only what the person changed: the stock moves by the difference
from what the form showed, allocations to orders are never written back, and the database refuses
negative counters or allocations above stock."""

import pytest
from django.db import IntegrityError, transaction
from oscar.core.loading import get_model

from marketplace.order.services import stock_allocate

Product = get_model("catalogue", "Product")
StockRecord = get_model("partner", "StockRecord")


@pytest.fixture
def seller(client, coop_a):
    """The cooperative's product with its stock counted by hand (no batches: a product kept by batch
    takes its stock from them, see tests/traceability/test_stock_by_batch.py)."""
    from marketplace.traceability.models import Batch

    client.force_login(coop_a.user)
    Batch.objects.filter(product=coop_a.product).delete()
    StockRecord.objects.filter(product=coop_a.product).update(
        num_in_stock=10, num_allocated=0, kept_by_batch=False
    )
    return client


def counters(product):
    record = StockRecord.objects.get(product=product)
    return record.num_in_stock, record.num_allocated


def edit(seller, product, **changes):
    url = f"/seller/products/{product.pk}/"
    form = seller.get(url).content.decode()
    assert 'name="stock_shown"' in form
    data = {
        "title": product.title,
        "price": "125000",
        "price_shown": "125000",
        "stock": "10",
        "stock_shown": "10",
    }
    return url, {**data, **changes}


@pytest.mark.django_db
def test_a_sale_while_the_form_was_open_is_not_undone(seller, coop_a):
    product = coop_a.product
    url, data = edit(seller, product, stock="15")  # the seller counted 5 more in the store room
    # Meanwhile two were shipped to a buyer (stock consumed): 8 left, not 10.
    StockRecord.objects.filter(product=product).update(num_in_stock=8)
    seller.post(url, data)
    assert counters(product) == (13, 0)


@pytest.mark.django_db
def test_changing_only_the_price_leaves_the_stock_alone(seller, coop_a):
    product = coop_a.product
    url, data = edit(seller, product, price="99000")
    StockRecord.objects.filter(product=product).update(num_in_stock=8)
    seller.post(url, data)
    record = StockRecord.objects.get(product=product)
    assert (int(record.price), record.num_in_stock) == (99000, 8)


@pytest.mark.django_db
def test_an_order_placed_during_the_save_keeps_its_allocation(seller, coop_a, monkeypatch):
    product = coop_a.product
    url, data = edit(seller, product, stock="12")
    record_id = StockRecord.objects.get(product=product).pk
    real_save = Product.save

    def save_while_a_buyer_orders(self, *args, **kwargs):
        real_save(self, *args, **kwargs)
        stock_allocate(stockrecord_id=record_id, quantity=3, title=self.title)  # another request

    monkeypatch.setattr(Product, "save", save_while_a_buyer_orders)
    seller.post(url, data)
    assert counters(product) == (12, 3)


@pytest.mark.django_db
def test_stock_cannot_be_set_below_what_orders_hold(seller, coop_a):
    product = coop_a.product
    StockRecord.objects.filter(product=product).update(num_allocated=4)
    url, data = edit(seller, product, stock="2")
    response = seller.post(url, data)
    assert response.status_code == 400
    page = response.content.decode()
    assert "4 đang được giữ cho các đơn chưa giao" in page
    assert counters(product) == (10, 4)
    assert "kể cả 4 đang giữ" in seller.get(url).content.decode()  # the form says so up front


@pytest.mark.django_db
@pytest.mark.parametrize(
    "values",
    [{"num_in_stock": -1}, {"num_allocated": -1}, {"num_allocated": 11}],
    ids=["negative stock", "negative allocation", "allocation above stock"],
)
def test_the_database_refuses_broken_counters(coop_a, values):
    StockRecord.objects.filter(product=coop_a.product).update(num_in_stock=10, num_allocated=0)
    with pytest.raises(IntegrityError), transaction.atomic():
        StockRecord.objects.filter(product=coop_a.product).update(**values)
    assert counters(coop_a.product) == (10, 0)
