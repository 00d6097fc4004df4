"""Stock kept by batch: once a cooperative records a batch of a product, the product's stock is the
units left in its open batches, moved by the same services that move the batches (receiving,
packing, cancelling, returns, recall, expiry), and nobody edits it by hand."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from marketplace.core.invariants import batch_stock_violations, stock_violations
from marketplace.order import services as orders
from marketplace.partner.models import StockRecord
from marketplace.seller.services import stockrecord_edit
from marketplace.traceability import services
from marketplace.traceability.keeper import LotKeeper
from marketplace.traceability.models import Batch, BatchLine
from marketplace.traceability.stock import batches_expire
from tests.factories import CooperativeFactory, make_product
from tests.helpers.orders import place_order, split_order

from .conftest import TODAY, make_batch

pytestmark = pytest.mark.django_db


def stock(product):
    record = StockRecord.objects.get(product=product)
    return record.num_in_stock, record.num_allocated or 0


def confirmed_order(product, quantity, *, number):
    order = place_order(*([product] * quantity), number=number)
    order.guest_email = "lan@example.vn"
    order.save()
    (suborder,) = split_order(order)
    orders.suborder_confirm(suborder_id=suborder.pk)
    return suborder


def test_a_product_without_batches_keeps_its_hand_kept_stock(rice):
    assert stock(rice) == (50, 0)
    assert not StockRecord.objects.get(product=rice).kept_by_batch
    assert batch_stock_violations() == []


def test_receiving_batches_makes_the_stock_their_units(cooperative, rice):
    make_batch(cooperative, rice, code="A", quantity=30)
    record = StockRecord.objects.get(product=rice)
    assert (
        record.kept_by_batch and record.num_in_stock == 30
    )  # the first batch replaces the count kept by hand
    make_batch(cooperative, rice, code="B", quantity=12)
    assert stock(rice) == (42, 0)
    services.batch_update(batch_id=Batch.objects.get(code="B").pk, quantity=10)
    assert stock(rice) == (40, 0)
    assert batch_stock_violations() == []


def test_packing_takes_units_and_the_reservation_from_the_chosen_batch(cooperative, rice):
    early = make_batch(cooperative, rice, code="EARLY", quantity=5, best_before=TODAY + timedelta(days=30))
    late = make_batch(cooperative, rice, code="LATE", quantity=20, best_before=TODAY + timedelta(days=300))
    suborder = confirmed_order(rice, 3, number="310001")
    assert stock(rice) == (25, 3)  # placing reserves, as for any product
    line = suborder.order.lines.get()
    orders.suborder_pack(suborder_id=suborder.pk, batches={line.pk: late.pk})
    late.refresh_from_db()
    early.refresh_from_db()
    assert (early.remaining, late.remaining) == (5, 17)
    assert stock(rice) == (22, 0)  # the units left with their batch; the line holds nothing more
    orders.suborder_ship(suborder_id=suborder.pk, carrier="GHN", tracking_code="G1")
    assert stock(rice) == (22, 0)  # shipping consumes nothing twice
    assert batch_stock_violations() == [] and stock_violations() == []


def test_a_line_of_a_batch_kept_product_must_leave_from_a_batch(client, cooperative, rice):
    make_batch(cooperative, rice, code="ONLY", quantity=4)
    suborder = confirmed_order(rice, 2, number="310002")
    line = suborder.order.lines.get()
    client.force_login(cooperative.user)
    url = reverse("seller:order-pack", kwargs={"number": suborder.number})
    response = client.post(url, {f"batch-{line.pk}": "0"}, follow=True)
    assert "được tính tồn kho theo lô: hãy chọn lô xuất hàng" in response.content.decode()
    suborder.refresh_from_db()
    assert suborder.status == "confirmed" and stock(rice) == (4, 2)


def test_cancelling_a_packed_sub_order_gives_the_units_back(cooperative, rice):
    batch = make_batch(cooperative, rice, code="A", quantity=10)
    suborder = confirmed_order(rice, 4, number="310003")
    orders.suborder_pack(suborder_id=suborder.pk)
    assert stock(rice) == (6, 0)
    orders.suborder_cancel(suborder_id=suborder.pk, reason="Khách đổi ý")
    batch.refresh_from_db()
    assert batch.remaining == 10 and stock(rice) == (10, 0)
    assert not BatchLine.objects.exists()
    assert batch_stock_violations() == [] and stock_violations() == []


def test_cancelling_before_packing_only_frees_the_reservation(cooperative, rice):
    make_batch(cooperative, rice, code="A", quantity=10)
    suborder = confirmed_order(rice, 4, number="310004")
    orders.suborder_cancel(suborder_id=suborder.pk, reason="Khách đổi ý")
    assert stock(rice) == (10, 0)


def test_a_resellable_return_goes_back_into_its_batch(cooperative, rice):
    batch = make_batch(cooperative, rice, code="A", quantity=10)
    suborder = confirmed_order(rice, 3, number="310005")
    orders.suborder_pack(suborder_id=suborder.pk)
    orders.suborder_ship(suborder_id=suborder.pk, carrier="GHN", tracking_code="G2")
    line = suborder.order.lines.get()
    assert LotKeeper().restock(line, 2) is True
    batch.refresh_from_db()
    assert batch.remaining == 9 and stock(rice) == (9, 0)
    assert BatchLine.objects.get().returned == 2
    assert batch_stock_violations() == []


def test_a_recall_takes_the_batch_off_sale(client, cooperative, rice):
    bad = make_batch(cooperative, rice, code="BAD", quantity=8)
    make_batch(cooperative, rice, code="GOOD", quantity=5)
    assert stock(rice) == (13, 0)
    services.batch_recall(batch_id=bad.pk, message="Bao bì bị hở")
    assert stock(rice) == (5, 0)
    client.force_login(cooperative.user)
    listing = client.get(reverse("seller:batches")).content.decode()
    assert "còn 8/8" in listing and "Đã thu hồi" in listing  # its units stay counted, off sale
    assert batch_stock_violations() == []


def test_a_recall_that_leaves_orders_short_tells_the_seller(client, cooperative, rice):
    bad = make_batch(cooperative, rice, code="BAD", quantity=8)
    make_batch(cooperative, rice, code="GOOD", quantity=2)
    confirmed_order(rice, 5, number="310006")
    client.force_login(cooperative.user)
    response = client.post(
        reverse("seller:batch-recall", kwargs={"pk": bad.pk}), {"message": "Bao bì bị hở"}, follow=True
    )
    assert "đang giữ 3 sản phẩm mà các lô còn bán không đủ" in response.content.decode()
    assert stock(rice) == (5, 5)  # never below what orders hold (the database forbids it)


def test_expired_batches_leave_the_stock(cooperative, rice):
    make_batch(
        cooperative,
        rice,
        code="OLD",
        quantity=6,
        produced_on=TODAY - timedelta(days=60),
        best_before=TODAY + timedelta(days=1),
    )
    make_batch(cooperative, rice, code="NEW", quantity=4)
    assert stock(rice) == (10, 0)
    assert batches_expire(today=TODAY) == 0
    assert batches_expire(today=TODAY + timedelta(days=2)) == 1
    assert Batch.objects.get(code="OLD").is_expired
    assert stock(rice) == (4, 0)
    assert batch_stock_violations() == []


def test_the_seller_cannot_edit_the_stock_of_a_batch_kept_product(client, cooperative, rice):
    make_batch(cooperative, rice, code="A", quantity=30)
    client.force_login(cooperative.user)
    url = reverse("seller:product-edit", kwargs={"pk": rice.pk})
    page = client.get(url).content.decode()
    assert "tính theo lô" in page and reverse("seller:batches") in page
    response = client.post(
        url,
        {
            "title": rice.title,
            "price": "150000",
            "price_shown": "150000",
            "stock": "99",
            "stock_shown": "30",
        },
    )
    assert response.status_code in (200, 302)
    assert stock(rice) == (30, 0)  # the disabled field keeps what the batches say
    with pytest.raises(ValidationError, match="tính theo lô"):  # and the service refuses a change
        stockrecord_edit(
            record=StockRecord.objects.get(product=rice),
            price=150000,
            price_shown=150000,
            stock=99,
            stock_shown=30,
        )


def test_the_invariant_check_fails_when_stock_and_batches_drift(cooperative, rice):
    make_batch(cooperative, rice, code="A", quantity=30)
    call_command("check_invariants", "--only", "batches", "--only", "stock", stdout=StringIO())
    StockRecord.objects.filter(product=rice).update(num_in_stock=31)
    out = StringIO()
    with pytest.raises(CommandError):
        call_command("check_invariants", "--only", "batches", stdout=out)
    assert "[stock.batches]" in out.getvalue() and "open batches hold 30" in out.getvalue()


def test_a_cooperative_sees_and_packs_only_its_own_batches(client, cooperative, rice, django_user_model):
    mine = make_batch(cooperative, rice, code="MINE", quantity=7)
    other = CooperativeFactory(name="Hợp tác xã Giao Thủy")
    user = django_user_model.objects.create_user(email="giaothuy@example.vn", password="pw-seller-123")
    other.users.add(user, through_defaults={"role": "owner"})
    sauce = make_product(other, title="Nước mắm Giao Thủy", price=90000, stock=20, sku="GT-NM-1")
    theirs = make_batch(other, sauce, code="THEIRS", quantity=9)
    client.force_login(user)
    listing = client.get(reverse("seller:batches")).content.decode()
    assert "THEIRS" in listing and "còn 9/9" in listing and "MINE" not in listing
    assert client.get(reverse("seller:batch-detail", kwargs={"pk": mine.pk})).status_code == 404
    # another cooperative's batch cannot serve a line, and its units do not count in this stock
    suborder = confirmed_order(rice, 1, number="310007")
    line = suborder.order.lines.get()
    client.force_login(cooperative.user)
    response = client.post(
        reverse("seller:order-pack", kwargs={"number": suborder.number}),
        {f"batch-{line.pk}": str(theirs.pk)},
        follow=True,
    )
    assert "không còn dùng được" in response.content.decode()
    assert stock(rice) == (7, 1) and stock(sauce) == (9, 0)
