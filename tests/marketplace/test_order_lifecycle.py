"""A sub-order's life cycle as services: confirm, pack, ship (carrier + tracking), deliver (cash on
delivery is then paid), complete; cancel with a reason; the buyer cancels before confirmation;
each step emails the buyer; the order's status follows its sub-orders. And the buyer's views:
guest lookup by order number + email or phone, with a per-cooperative timeline."""

import pytest
from django.core import mail
from oscar.core.loading import get_model

from marketplace.order import services
from marketplace.order.exceptions import SubOrderActionRefused
from marketplace.order.models import PaymentStatus, SubOrderStatus
from tests.helpers.checkout import checkout_until_preview, place_order

Order = get_model("order", "Order")
StockRecord = get_model("partner", "StockRecord")


@pytest.fixture
def placed(client, country_vn, two_cooperatives, django_capture_on_commit_callbacks):
    checkout_until_preview(client, [(two_cooperatives[0], 2), (two_cooperatives[1], 1)])
    with django_capture_on_commit_callbacks(execute=True):
        place_order(client)
    mail.outbox.clear()
    order = Order.objects.get()
    return order, list(order.suborders.order_by("number"))


def status_of(order):
    order.refresh_from_db()
    return order.status


@pytest.mark.django_db
def test_the_whole_life_cycle_emails_the_buyer_and_moves_the_order(
    placed, django_capture_on_commit_callbacks
):
    order, (rice, paste) = placed
    with django_capture_on_commit_callbacks(execute=True):
        services.suborder_confirm(suborder_id=rice.pk)
        assert status_of(order) == "processing"
        services.suborder_pack(suborder_id=rice.pk)
        services.suborder_ship(suborder_id=rice.pk, carrier="Viettel Post", tracking_code="VTP123456")
        assert status_of(order) == "shipped"
        services.suborder_deliver(suborder_id=rice.pk)
        services.suborder_complete(suborder_id=rice.pk)
    rice.refresh_from_db()
    assert (rice.status, rice.carrier, rice.tracking_code) == (
        SubOrderStatus.COMPLETED,
        "Viettel Post",
        "VTP123456",
    )
    assert rice.payment_status == PaymentStatus.PAID  # cash on delivery: paid when delivered
    assert [e.status for e in rice.events.all()] == [
        "new",
        "confirmed",
        "packed",
        "shipped",
        "delivered",
        "completed",
    ]
    assert len(mail.outbox) == 5 and all(m.to == ["an@example.vn"] for m in mail.outbox)
    assert "VTP123456" in mail.outbox[2].body and "Đang giao" in mail.outbox[2].subject
    assert status_of(order) == "shipped"  # the other cooperative has not shipped yet
    record = StockRecord.objects.get(product__title="Cơm cháy chà bông 200 g")
    assert (record.num_in_stock, record.num_allocated) == (18, 0)  # shipped: allocation consumed

    services.suborder_cancel(suborder_id=paste.pk, reason="Hết hàng trong kho")
    assert status_of(order) == "completed"


@pytest.mark.django_db
def test_steps_out_of_order_are_refused_with_a_clear_message(placed):
    __, (rice, __) = placed
    with pytest.raises(SubOrderActionRefused, match="Không thể chuyển đơn"):
        services.suborder_deliver(suborder_id=rice.pk)
    services.suborder_confirm(suborder_id=rice.pk)
    with pytest.raises(SubOrderActionRefused, match="mã vận đơn"):
        services.suborder_ship(suborder_id=rice.pk, carrier="GHN", tracking_code=" ")


@pytest.mark.django_db
def test_cooperative_cancels_before_shipping_with_a_reason_and_stock_comes_back(placed):
    order, (rice, paste) = placed
    with pytest.raises(SubOrderActionRefused, match="lý do"):
        services.suborder_cancel(suborder_id=rice.pk, reason="")
    services.suborder_cancel(suborder_id=rice.pk, reason="Mất mùa")
    rice.refresh_from_db()
    assert (rice.status, rice.cancel_reason, rice.payment_status) == (
        "cancelled",
        "Mất mùa",
        PaymentStatus.VOID,
    )
    assert StockRecord.objects.get(product__title="Cơm cháy chà bông 200 g").num_allocated == 0
    services.suborder_confirm(suborder_id=paste.pk)
    services.suborder_ship(suborder_id=paste.pk, carrier="GHTK", tracking_code="S1")
    with pytest.raises(SubOrderActionRefused, match="không thể huỷ"):
        services.suborder_cancel(suborder_id=paste.pk, reason="Đổi ý")
    assert status_of(order) == "shipped"


@pytest.mark.django_db
def test_guest_looks_up_the_order_by_number_and_email_or_phone_and_cancels(client, placed):
    order, (rice, paste) = placed
    wrong = client.post("/orders/lookup/", {"number": order.number, "contact": "ai@example.vn"})
    assert "Không tìm thấy đơn hàng" in wrong.content.decode()

    page = client.post(
        "/orders/lookup/", {"number": order.number, "contact": "0912 345 678"}
    ).content.decode()
    assert "Hợp tác xã Cơm cháy Gia Sinh" in page and "Hợp tác xã Mắm tép Gia Viễn" in page
    assert "Đơn hàng đã được đặt." in page and page.count("Huỷ đơn này") == 2

    services.suborder_confirm(suborder_id=paste.pk)
    response = client.post(
        f"/orders/{order.number}/cancel/{rice.pk}/", {"next": "/orders/lookup/"}, follow=True
    )
    assert "Đã huỷ đơn" in response.content.decode()
    response = client.post(f"/orders/{order.number}/cancel/{paste.pk}/", follow=True)
    assert "Hợp tác xã đã xác nhận đơn này" in response.content.decode()
    rice.refresh_from_db()
    paste.refresh_from_db()
    assert (rice.status, paste.status) == ("cancelled", "confirmed")

    page = client.post(
        "/orders/lookup/", {"number": order.number, "contact": "AN@example.vn"}
    ).content.decode()
    assert "Người mua đã huỷ đơn." in page


@pytest.mark.django_db
def test_a_stranger_cannot_cancel_someone_elses_order(placed):
    from django.test import Client

    order, (rice, __) = placed
    response = Client().post(f"/orders/{order.number}/cancel/{rice.pk}/")
    assert response.status_code == 404


@pytest.mark.django_db
def test_signed_in_buyer_sees_a_timeline_per_cooperative(
    client, customer, country_vn, two_cooperatives, django_capture_on_commit_callbacks
):
    from django.test import Client

    assert Client().get("/orders/").status_code == 302  # sign in first
    client.force_login(customer)
    checkout_until_preview(client, [(two_cooperatives[0], 1), (two_cooperatives[1], 1)])
    place_order(client)
    order = Order.objects.get()
    first = order.suborders.order_by("number").first()
    services.suborder_confirm(suborder_id=first.pk)
    services.suborder_ship(suborder_id=first.pk, carrier="VNPost", tracking_code="EV123")
    page = client.get("/orders/").content.decode()
    assert order.number in page and "Đang giao" in page
    assert "VNPost EV123" in page and "Hợp tác xã Mắm tép Gia Viễn" in page
    assert page.count("Huỷ đơn này") == 1  # only the one not yet confirmed
