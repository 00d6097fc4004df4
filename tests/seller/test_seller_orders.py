"""The seller centre's orders: a cooperative's staff member moves its own sub-orders
through their life cycle at /seller/orders/, through the real views; the buyer sees each step at
/orders/ and gets an email for each."""

import re

import pytest
from django.core import mail
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from oscar.core.loading import get_model

from marketplace.order.models import SubOrder
from tests.factories import bank_account_for, make_product
from tests.helpers.checkout import checkout_until_preview, place_order
from tests.helpers.orders import place_order as oscar_order
from tests.helpers.orders import split_order

Order = get_model("order", "Order")
StockRecord = get_model("partner", "StockRecord")


def partner_of(product):
    return product.stockrecords.get().partner


@pytest.fixture
def staff_of(django_user_model):
    """A signed-in client for a new staff member of the cooperative selling `product`."""

    def sign_in(product, email="nhanvien@htx.vn"):
        user = django_user_model.objects.create_user(email=email, password="pw-seller-123")
        partner_of(product).users.add(user)
        client = Client()
        client.force_login(user)
        return client

    return sign_in


@pytest.fixture
def bought(client, customer, country_vn, two_cooperatives, django_capture_on_commit_callbacks):
    """The signed-in buyer `client` bought 2 × rice (cooperative 1) and 1 × shrimp paste (cooperative 2)."""

    def buy(method="cod"):
        client.force_login(customer)
        checkout_until_preview(client, [(two_cooperatives[0], 2), (two_cooperatives[1], 1)], method=method)
        with django_capture_on_commit_callbacks(execute=True):
            place_order(client)
        mail.outbox.clear()
        return list(Order.objects.get().suborders.order_by("number"))

    return buy


def buyer_sees(buyer, suborder) -> str:
    """The status line the buyer reads for this sub-order on /orders/."""
    html = buyer.get("/orders/").content.decode()
    card = html[html.index(f'id="suborder-{suborder.number}"') :]
    return card[: card.index("</ol>")]


def step(staff, suborder, action, data=None, *, capture):
    with capture(execute=True):
        response = staff.post(f"/seller/orders/{suborder.number}/{action}/", data or {}, follow=True)
    assert response.status_code == 200
    return response.content.decode()


def step_urls(html, suborder) -> list[str]:
    return re.findall(rf'action="/seller/orders/{re.escape(suborder.number)}/(\w+)/"', html)


@pytest.mark.django_db
def test_the_whole_life_cycle_through_the_seller_centre(
    client, bought, staff_of, two_cooperatives, django_capture_on_commit_callbacks
):
    rice, paste = bought("cod")
    staff = staff_of(two_cooperatives[0])
    listing = staff.get("/seller/orders/").content.decode()
    assert rice.number in listing and paste.number not in listing
    assert "Nguyễn Văn An" in listing and "90.000\xa0₫" in listing  # 2 × 45.000, free delivery
    assert "Thu tiền khi giao (COD)" in listing and "Chưa thanh toán" in listing

    detail = staff.get(f"/seller/orders/{rice.number}/").content.decode()
    assert 'href="tel:+84912345678"' in detail and "0912 345 678" in detail
    assert "Thôn Tập Ninh, Xã Gia Viễn, Ninh Bình" in detail and "Gọi trước khi giao" in detail
    assert "Cơm cháy chà bông 200 g × 2" in detail and "Mắm tép" not in detail
    assert step_urls(detail, rice) == ["confirm", "cancel"]

    journey = [
        ("confirm", {}, "Đã xác nhận", "Đã xác nhận đơn", ["pack", "cancel"]),
        ("pack", {}, "Đã đóng gói", "đã đóng gói xong", ["ship", "cancel"]),
        (
            "ship",
            {"carrier": "Viettel Post", "tracking_code": "VTP123456"},
            "Đang giao",
            "đã giao cho đơn vị vận chuyển",
            ["deliver"],
        ),
        ("deliver", {}, "Đã giao", "đã giao tới người mua", ["complete"]),
        ("complete", {}, "Hoàn tất", "đã hoàn tất", []),
    ]
    for action, data, status, message, next_steps in journey:
        mail.outbox.clear()
        page = step(staff, rice, action, data, capture=django_capture_on_commit_callbacks)
        assert message in page, action
        assert step_urls(page, rice) == next_steps, action
        assert status in buyer_sees(client, rice), action
        assert [(m.to, m.subject) for m in mail.outbox] == [
            (["lan@example.vn"], f"[Chợ HTX] Đơn {rice.number}: {status}")
        ], action

    seen = buyer_sees(client, rice)
    assert "Viettel Post VTP123456" in seen and "Đã thanh toán" in seen  # COD: paid on delivery
    detail = staff.get(f"/seller/orders/{rice.number}/").content.decode()
    timeline = detail[detail.index('id="order-timeline"') :]
    for status in ("Mới", "Đã xác nhận", "Đã đóng gói", "Đang giao", "Đã giao", "Hoàn tất"):
        assert status in timeline
    assert "nhanvien@htx.vn" in timeline  # who did it
    record = StockRecord.objects.get(product=two_cooperatives[0])
    assert (record.num_in_stock, record.num_allocated) == (18, 0)


@pytest.mark.django_db
def test_cash_on_delivery_becomes_paid_only_on_delivery(
    bought, staff_of, two_cooperatives, django_capture_on_commit_callbacks
):
    rice, __ = bought("cod")
    staff = staff_of(two_cooperatives[0])
    capture = django_capture_on_commit_callbacks
    assert (
        'action="/seller/orders/' + rice.number + '/paid/"'
        not in staff.get(f"/seller/orders/{rice.number}/").content.decode()
    )
    step(staff, rice, "confirm", capture=capture)
    step(staff, rice, "ship", {"carrier": "GHN", "tracking_code": "GHN1"}, capture=capture)
    rice.refresh_from_db()
    assert rice.payment_status == "pending"
    page = step(staff, rice, "deliver", capture=capture)
    payment = page[page.index('id="order-payment"') : page.index('id="order-timeline"')]
    assert "Đã thanh toán" in payment
    rice.refresh_from_db()
    assert rice.payment_status == "paid" and rice.paid_at is not None
    # A COD sub-order has no "money received" step: posting it anyway is refused with a message.
    page = step(staff, rice, "paid", capture=capture)
    assert "Đơn này không thanh toán bằng chuyển khoản." in page


@pytest.mark.django_db
def test_vietqr_payment_received(
    client, bought, staff_of, two_cooperatives, django_capture_on_commit_callbacks
):
    for product in two_cooperatives:
        bank_account_for(partner_of(product))
    rice, __ = bought("vietqr")
    staff = staff_of(two_cooperatives[0])
    listing = staff.get("/seller/orders/").content.decode()
    assert "Chuyển khoản VietQR" in listing and "Chưa thanh toán" in listing
    detail = staff.get(f"/seller/orders/{rice.number}/").content.decode()
    assert step_urls(detail, rice) == ["confirm", "paid", "cancel"]

    page = step(staff, rice, "paid", capture=django_capture_on_commit_callbacks)
    assert f"Đã ghi nhận tiền chuyển khoản của đơn {rice.number}." in page
    assert "paid" not in step_urls(page, rice)
    rice.refresh_from_db()
    assert rice.payment_status == "paid" and rice.status == "new"
    assert [m.subject for m in mail.outbox] == [f"[Chợ HTX] Đơn {rice.number}: cập nhật thanh toán"]
    seen = buyer_sees(client, rice)
    assert "Đã thanh toán" in seen and "Hợp tác xã đã nhận được tiền chuyển khoản." in seen


@pytest.mark.django_db
def test_cancelling_needs_a_reason_releases_the_stock_and_tells_the_buyer(
    client, bought, staff_of, two_cooperatives, django_capture_on_commit_callbacks
):
    rice, paste = bought("cod")
    staff = staff_of(two_cooperatives[0])
    record = StockRecord.objects.get(product=two_cooperatives[0])
    assert record.num_allocated == 2

    response = staff.post(f"/seller/orders/{rice.number}/cancel/", {"reason": "  "})
    assert response.status_code == 400
    assert "Hãy cho người mua biết lý do huỷ đơn." in response.content.decode()
    rice.refresh_from_db()
    assert rice.status == "new"

    page = step(
        staff, rice, "cancel", {"reason": "Mất mùa, hết hàng"}, capture=django_capture_on_commit_callbacks
    )
    assert f"Đã huỷ đơn {rice.number}." in page and "Lý do huỷ: Mất mùa, hết hàng" in page
    assert step_urls(page, rice) == []
    record.refresh_from_db()
    assert (record.num_in_stock, record.num_allocated) == (20, 0)
    seen = buyer_sees(client, rice)
    assert "Đã huỷ" in seen and "Mất mùa, hết hàng" in seen
    assert [(m.to, m.subject) for m in mail.outbox] == [
        (["lan@example.vn"], f"[Chợ HTX] Đơn {rice.number}: Đã huỷ")
    ]
    paste.refresh_from_db()
    assert paste.status == "new"  # the other cooperative's part is untouched


@pytest.mark.django_db
def test_a_step_no_longer_allowed_is_a_message_not_an_error(
    bought, staff_of, two_cooperatives, django_capture_on_commit_callbacks
):
    rice, __ = bought("cod")
    first = staff_of(two_cooperatives[0], "mot@htx.vn")
    second = staff_of(two_cooperatives[0], "hai@htx.vn")
    capture = django_capture_on_commit_callbacks
    # Both open the new order; the first confirms, then the second presses "Xác nhận" too.
    assert "confirm" in step_urls(second.get(f"/seller/orders/{rice.number}/").content.decode(), rice)
    step(first, rice, "confirm", capture=capture)
    page = step(second, rice, "confirm", capture=capture)
    assert f"Không thể chuyển đơn {rice.number} từ “Đã xác nhận” sang “Đã xác nhận”." in page
    assert step(second, rice, "complete", capture=capture).count("Không thể chuyển đơn") == 1

    response = first.post(f"/seller/orders/{rice.number}/ship/", {"carrier": "GHN", "tracking_code": ""})
    assert response.status_code == 400 and "Hãy nhập mã vận đơn." in response.content.decode()
    step(first, rice, "ship", {"carrier": "GHN", "tracking_code": "GHN9"}, capture=capture)
    page = step(second, rice, "cancel", {"reason": "Đổi ý"}, capture=capture)
    assert "Đơn đã giao cho đơn vị vận chuyển thì không thể huỷ nữa." in page
    assert first.get(f"/seller/orders/{rice.number}/confirm/").status_code == 405  # POST only
    rice.refresh_from_db()
    assert (rice.status, rice.tracking_code, rice.events.count()) == ("shipped", "GHN9", 3)


def tab_counts(html) -> dict[str, int]:
    return {
        status: int(count)
        for status, count in re.findall(
            r'data-status="(\w+)"[^>]*>[^<]*<span class="seller-count">(\d+)</span>', html
        )
    }


@pytest.mark.django_db
def test_status_tabs_count_and_filter_the_cooperatives_sub_orders(client, coop_a, coop_b, mixed_order):
    from marketplace.order import services

    product = make_product(coop_a.partner, title="Gạo nếp cái hoa vàng", stock=50)
    orders = [oscar_order(product, number=f"30000{n}") for n in range(4)]
    mine = [split_order(order)[0] for order in orders]
    services.suborder_confirm(suborder_id=mine[0].pk)
    services.suborder_confirm(suborder_id=mine[1].pk)
    services.suborder_cancel(suborder_id=mine[2].pk, reason="Hết hàng")
    client.force_login(coop_a.user)

    html = client.get("/seller/orders/").content.decode()
    assert tab_counts(html) == {
        "all": 5,
        "new": 2,  # mine[3] and A's part of the mixed order; B's part is not counted
        "confirmed": 2,
        "packed": 0,
        "shipped": 0,
        "delivered": 0,
        "completed": 0,
        "cancelled": 1,
    }
    numbers = re.findall(r'data-suborder="([\w-]+)"', html)
    assert numbers == [mine[3].number, mine[2].number, mine[1].number, mine[0].number, coop_a.suborder.number]
    confirmed = client.get("/seller/orders/?status=confirmed").content.decode()
    assert re.findall(r'data-suborder="([\w-]+)"', confirmed) == [mine[1].number, mine[0].number]
    assert 'data-status="confirmed" aria-current="page"' in confirmed
    assert (
        "Không có đơn hàng nào ở trạng thái này."
        in client.get("/seller/orders/?status=packed").content.decode()
    )

    overview = client.get("/seller/").content.decode()
    assert re.search(r"<strong>2</strong>\s*đơn hàng mới đang chờ xác nhận", overview)
    waiting = overview[overview.index('id="waiting-orders"') : overview.index('id="low-stock"')]
    assert mine[3].number in waiting and coop_a.suborder.number in waiting and mine[0].number not in waiting


@pytest.mark.django_db
def test_list_dates_and_money_are_vietnamese(client, coop_a, mixed_order):
    suborder = coop_a.suborder
    SubOrder.objects.filter(pk=suborder.pk).update(total=125000)
    client.force_login(coop_a.user)
    html = client.get("/seller/orders/").content.decode()
    row = html[html.index(f'data-suborder="{suborder.number}"') :]
    row = row[: row.index("</li>")]
    assert "125.000\xa0₫" in row
    from django.utils import timezone

    assert timezone.localtime(suborder.created_at).strftime("%d/%m/%Y %H:%M") in row


def list_queries(client):
    client.get("/seller/orders/")  # warm up: session, site, …
    with CaptureQueriesContext(connection) as context:
        response = client.get("/seller/orders/")
    assert response.status_code == 200
    return len(context.captured_queries), response.content.decode().count("data-suborder=")


@pytest.mark.django_db
def test_order_list_query_count_does_not_grow_with_sub_orders(client, coop_a, coop_b):
    product = make_product(coop_a.partner, title="Gạo nếp cái hoa vàng", stock=100)
    other = make_product(coop_b.partner, title="Mắm tép chưng thịt", stock=100)
    client.force_login(coop_a.user)

    def grow_to(count):
        while SubOrder.objects.filter(partner=coop_a.partner).count() < count:
            n = SubOrder.objects.count()
            split_order(oscar_order(product, other, number=f"40{n:04d}"))

    grow_to(3)
    few, shown = list_queries(client)
    assert shown == 3
    grow_to(20)
    many, shown = list_queries(client)
    assert shown == 20
    assert many == few
