"""A sub-order line records the batch it leaves from when the cooperative packs it (the batch
expiring first unless another is chosen); a recall is shown on the page and emailed to each buyer
of the batch once."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse

from marketplace.order import services as orders
from marketplace.outbox.models import OutboxMessage
from marketplace.traceability import services
from marketplace.traceability.models import Batch, BatchLine
from marketplace.traceability.notify import batch_recall_notify
from tests.helpers.orders import place_order, split_order

from .conftest import TODAY, make_batch

pytestmark = pytest.mark.django_db


def order_of(product, quantity=1, *, number, email="lan@example.vn"):
    order = place_order(*([product] * quantity), number=number)
    order.guest_email = email
    order.save()
    (suborder,) = split_order(order)
    orders.suborder_confirm(suborder_id=suborder.pk)
    return suborder


@pytest.fixture
def two_batches(cooperative, rice):
    late = make_batch(cooperative, rice, code="LATE", best_before=TODAY + timedelta(days=400), quantity=10)
    early = make_batch(cooperative, rice, code="EARLY", best_before=TODAY + timedelta(days=100), quantity=1)
    return early, late


def test_packing_takes_the_batch_expiring_first_then_the_next(client, cooperative, rice, two_batches):
    early, late = two_batches
    suborder = order_of(rice, 2, number="300001")  # one line of 2 units
    client.force_login(cooperative.user)
    detail = client.get(reverse("seller:order-detail", kwargs={"number": suborder.number})).content.decode()
    assert detail.index("EARLY") < detail.index("LATE")  # the default choice comes first
    assert client.post(reverse("seller:order-pack", kwargs={"number": suborder.number})).status_code == 302
    rows = sorted(BatchLine.objects.values_list("batch__code", "quantity"))
    assert rows == [("EARLY", 1), ("LATE", 1)]
    early.refresh_from_db()
    late.refresh_from_db()
    assert (early.remaining, late.remaining) == (0, 9)
    shown = client.get(reverse("seller:order-detail", kwargs={"number": suborder.number})).content.decode()
    assert "Lô: EARLY, LATE" in shown


def test_the_cooperative_may_choose_the_batch_and_a_cancel_gives_the_units_back(
    client, cooperative, rice, two_batches
):
    early, late = two_batches
    suborder = order_of(rice, 1, number="300002")
    line = suborder.order.lines.get()
    client.force_login(cooperative.user)
    client.post(
        reverse("seller:order-pack", kwargs={"number": suborder.number}), {f"batch-{line.pk}": str(late.pk)}
    )
    assert list(BatchLine.objects.values_list("batch__code", flat=True)) == ["LATE"]
    orders.suborder_cancel(suborder_id=suborder.pk, reason="Hết hàng")
    assert not BatchLine.objects.exists()
    assert Batch.objects.get(pk=late.pk).remaining == 10


def test_a_batch_too_small_or_recalled_is_refused_with_a_message(client, cooperative, rice, two_batches):
    early, late = two_batches
    suborder = order_of(rice, 3, number="300003")
    line = suborder.order.lines.get()
    client.force_login(cooperative.user)
    url = reverse("seller:order-pack", kwargs={"number": suborder.number})
    response = client.post(url, {f"batch-{line.pk}": str(early.pk)}, follow=True)
    assert "Lô EARLY chỉ còn 1, không đủ 3 cho" in response.content.decode()
    suborder.refresh_from_db()
    assert suborder.status == "confirmed" and not BatchLine.objects.exists()
    services.batch_recall(batch_id=late.pk, message="Bao bì lỗi")
    response = client.post(url, {f"batch-{line.pk}": str(late.pk)}, follow=True)
    assert "không còn dùng được" in response.content.decode()
    # the product's stock is kept by batch: every unit must leave from a batch
    response = client.post(url, {f"batch-{line.pk}": "0"}, follow=True)
    assert "hãy chọn lô xuất hàng" in response.content.decode()
    suborder.refresh_from_db()
    assert suborder.status == "confirmed" and not BatchLine.objects.exists()


def test_shipping_without_packing_records_the_default_batch(cooperative, rice, two_batches):
    suborder = order_of(rice, 1, number="300004")
    orders.suborder_ship(suborder_id=suborder.pk, carrier="GHN", tracking_code="G1")
    assert list(BatchLine.objects.values_list("batch__code", flat=True)) == ["EARLY"]


def test_a_recall_shows_on_the_page_and_emails_each_buyer_once(
    client, cooperative, rice, batch, django_capture_on_commit_callbacks
):
    first = order_of(rice, 1, number="300005", email="lan@example.vn")
    second = order_of(rice, 2, number="300006", email="minh@example.vn")
    other = make_batch(cooperative, rice, code="OTHER", best_before=TODAY + timedelta(days=900))
    third = order_of(rice, 1, number="300007", email="khac@example.vn")
    for suborder in (first, second):
        orders.suborder_pack(suborder_id=suborder.pk)
    line = third.order.lines.get()
    orders.suborder_pack(suborder_id=third.pk, batches={line.pk: other.pk})
    mail.outbox.clear()

    client.force_login(cooperative.user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("seller:batch-recall", kwargs={"pk": batch.pk}),
            {"message": "Phát hiện gạo bị ẩm. Xin đừng dùng; HTX sẽ đổi bao mới."},
        )
    assert response.status_code == 302
    assert OutboxMessage.objects.filter(key=f"batch-recall:{batch.pk}").count() == 1
    assert sorted(m.to[0] for m in mail.outbox) == ["lan@example.vn", "minh@example.vn"]
    message = mail.outbox[0]
    assert message.subject == f"Thu hồi sản phẩm: Gạo tám thơm Hải Hậu 5 kg, lô {batch.code}"
    assert "Phát hiện gạo bị ẩm." in message.body and f"/10/{batch.code}" in message.body

    assert batch_recall_notify(batch_id=batch.pk) == 0  # a second run sends nothing
    assert len(mail.outbox) == 2
    again = client.post(
        reverse("seller:batch-recall", kwargs={"pk": batch.pk}), {"message": "lần nữa"}, follow=True
    )
    assert "đã được thu hồi rồi" in again.content.decode()

    client.logout()
    page = client.get(f"/truy-xuat/{batch.code}/").content.decode()
    assert "Lô hàng này đã bị thu hồi ngày" in page and "Phát hiện gạo bị ẩm." in page
    assert "Mua sản phẩm này" not in page


def test_a_recall_without_a_message_is_refused(client, cooperative, batch):
    client.force_login(cooperative.user)
    response = client.post(reverse("seller:batch-recall", kwargs={"pk": batch.pk}), {"message": "  "})
    assert response.status_code == 400
    batch.refresh_from_db()
    assert (
        batch.recalled_at is None
        and not OutboxMessage.objects.filter(key__startswith="batch-recall").exists()
    )
