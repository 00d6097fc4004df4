"""Returns and refunds of a delivered sub-order, through the real pages: the buyer asks (signed in
or as a guest through the order lookup), the cooperative answers in /seller/returns/, refunds follow
the payment method (cash on delivery and VietQR: a transfer the cooperative records and the buyer
confirms), stock comes back, every step is on both timelines and emailed to both sides, and alliance
staff decide escalations in /dashboard/returns/. Card refunds: tests/payments/test_return_refunds.py."""

import io
import re
from datetime import timedelta

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from oscar.core.loading import get_model
from PIL import Image

from marketplace.order import services as order_services
from marketplace.order.models import SubOrderEvent
from marketplace.returns.models import ReturnRequest, ReturnStatus
from payments.models import Refund
from tests.factories import bank_account_for
from tests.helpers.checkout import checkout_until_preview, place_order

Order = get_model("order", "Order")
StockRecord = get_model("partner", "StockRecord")


@pytest.fixture(autouse=True)
def private_media(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"


def photo(name="vo.jpg"):
    buffer = io.BytesIO()
    Image.new("RGB", (640, 480), (180, 60, 30)).save(buffer, "JPEG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


def deliver(suborder, actor=None):
    for step in (order_services.suborder_confirm, order_services.suborder_pack):
        step(suborder_id=suborder.pk, actor=actor)
    order_services.suborder_ship(suborder_id=suborder.pk, carrier="GHN", tracking_code="GHN1", actor=actor)
    order_services.suborder_deliver(suborder_id=suborder.pk, actor=actor)
    suborder.refresh_from_db()
    return suborder


@pytest.fixture
def delivered(client, customer, country_vn, two_cooperatives, django_capture_on_commit_callbacks):
    """The signed-in buyer `client` bought 2 × cơm cháy (45.000 ₫ each) and 1 × mắm tép (80.000 ₫),
    paid with `method`; both parts delivered. Returns (order, rice sub-order, paste sub-order)."""

    def buy(method="cod", sign_in=True):
        if sign_in:
            client.force_login(customer)
        if method == "vietqr":
            for product in two_cooperatives:
                bank_account_for(product.stockrecords.get().partner)
        checkout_until_preview(client, [(two_cooperatives[0], 2), (two_cooperatives[1], 1)], method=method)
        with django_capture_on_commit_callbacks(execute=True):
            place_order(client)
        order = Order.objects.get()
        suborders = list(order.suborders.order_by("number"))
        for suborder in suborders:
            if method == "vietqr":
                order_services.suborder_payment_received(suborder_id=suborder.pk)
            deliver(suborder)
        mail.outbox.clear()
        return order, *suborders

    return buy


@pytest.fixture
def coop_staff(django_user_model, two_cooperatives):
    """A signed-in client for the staff of the cooperative selling the first product (cơm cháy)."""
    user = django_user_model.objects.create_user(email="ketoan@comchay.vn", password="pw-seller-123")
    two_cooperatives[0].stockrecords.get().partner.users.add(user)
    staff = Client()
    staff.force_login(user)
    return staff


def ask_return(client, order, suborder, **extra):
    line = order.lines.get(partner_id=suborder.partner_id)
    data = {
        f"qty_{line.pk}": "1",
        "reason": "damaged",
        "note": "Gói bị bẹp, bánh vỡ vụn.",
        "photos": [photo()],
    }
    data.update(extra)
    return client.post(f"/orders/{order.number}/returns/{suborder.number}/new/", data)


def stock_of(product):
    return StockRecord.objects.get(product=product).num_in_stock


@pytest.mark.django_db
def test_cod_return_from_request_to_refund_with_stock_back_timelines_and_emails(
    client, delivered, coop_staff, two_cooperatives, django_capture_on_commit_callbacks
):
    order, rice, paste = delivered("cod")
    rice_product = two_cooperatives[0]
    in_stock = stock_of(rice_product)

    # The order page offers a return for each delivered part, with the deadline.
    page = client.get(f"/orders/{order.number}/").content.decode()
    assert f"/orders/{order.number}/returns/{rice.number}/new/" in page
    deadline = (timezone.localtime() + timedelta(days=7)).strftime("%d/%m/%Y")
    assert f"Hạn yêu cầu: {deadline}" in page

    # COD: the buyer must say where the refund goes.
    form = client.get(f"/orders/{order.number}/returns/{rice.number}/new/").content.decode()
    assert 'name="account_number"' in form and "Cơm cháy chà bông 200 g" in form
    refused = ask_return(client, order, rice)
    assert refused.status_code == 400 and "Ngân hàng nhận tiền hoàn" in refused.content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        response = ask_return(
            client,
            order,
            rice,
            bank="Vietcombank",
            account_number="0011 0019 3241",
            account_holder="NGUYEN THI LAN",
        )
    assert response.status_code == 302
    ret = ReturnRequest.objects.get()
    assert (ret.status, ret.refund_amount, ret.refund_account_number) == ("requested", 45000, "001100193241")
    assert ret.photos.count() == 1
    # Both sides are emailed, each once.
    assert sorted(m.to[0] for m in mail.outbox) == sorted([order.email, "ketoan@comchay.vn"])
    assert all(ret.number in m.subject for m in mail.outbox)

    # The cooperative sees it in its header count, its list and the order page; opens the photo.
    overview = coop_staff.get("/seller/").content.decode()
    assert "/seller/returns/" in overview and 'class="badge badge--count">1' in overview
    detail = coop_staff.get(f"/seller/returns/{ret.pk}/").content.decode()
    assert "Gói bị bẹp, bánh vỡ vụn." in detail and "45.000" in detail
    photo_url = re.search(r'src="(/seller/returns/\d+/photos/\d+/)"', detail).group(1)
    image = coop_staff.get(photo_url)
    assert image.status_code == 200 and image["Content-Type"] == "image/jpeg"
    assert f"/seller/returns/{ret.pk}/" in coop_staff.get(f"/seller/orders/{rice.number}/").content.decode()

    # Accept with instructions: the buyer reads them on the order page.
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        coop_staff.post(
            f"/seller/returns/{ret.pk}/accept/", {"instructions": "Gửi về 12 Gia Sinh, Gia Viễn."}
        )
    assert len(mail.outbox) == 2
    assert "Gửi về 12 Gia Sinh, Gia Viễn." in client.get(f"/orders/{order.number}/").content.decode()

    # Goods received and resellable: stock comes back.
    item = ret.lines.get()
    with django_capture_on_commit_callbacks(execute=True):
        coop_staff.post(f"/seller/returns/{ret.pk}/received/", {f"resellable_{item.pk}": "1"})
    assert stock_of(rice_product) == in_stock + 1
    ret.refresh_from_db()
    assert ret.status == ReturnStatus.TO_REFUND

    # The cooperative records its transfer; the buyer confirms it arrived.
    transfer_page = coop_staff.get(f"/seller/returns/{ret.pk}/").content.decode()
    assert "001100193241" in transfer_page and "NGUYEN THI LAN" in transfer_page
    with django_capture_on_commit_callbacks(execute=True):
        coop_staff.post(f"/seller/returns/{ret.pk}/transfer/", {"reference": "FT2612345"})
    page = client.get(f"/orders/{order.number}/").content.decode()
    assert "Tôi đã nhận tiền hoàn" in page
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/orders/{order.number}/returns/{ret.pk}/received/")
    ret.refresh_from_db()
    assert ret.status == ReturnStatus.REFUNDED
    assert len(mail.outbox) == 2

    # The money rows: append-only, one per step, never changed.
    rows = list(
        Refund.objects.filter(key=f"chohtx-return-{ret.number}").values_list("status", "amount", "reason")
    )
    assert rows == [("pending", 45000, "returned"), ("succeeded", 45000, "returned")]
    with pytest.raises(ValueError):
        Refund.objects.first().save()

    # Both timelines list every step.
    steps = [
        "Người mua yêu cầu trả hàng, hoàn tiền.",
        "Hợp tác xã đồng ý nhận lại hàng.",
        "Hợp tác xã đã nhận lại hàng.",
        "Hợp tác xã đã chuyển khoản hoàn 45.000",
        "Người mua xác nhận đã nhận 45.000",
    ]
    buyer_page = client.get(f"/orders/{order.number}/").content.decode()
    seller_page = coop_staff.get(f"/seller/orders/{rice.number}/").content.decode()
    for step in steps:
        assert step in buyer_page, step
        assert step in seller_page, step


@pytest.mark.django_db
def test_goods_not_resellable_do_not_come_back_into_stock(client, delivered, coop_staff, two_cooperatives):
    order, rice, paste = delivered("cod")
    ask_return(client, order, rice, bank="ACB", account_number="123456789", account_holder="LAN")
    ret = ReturnRequest.objects.get()
    coop_staff.post(f"/seller/returns/{ret.pk}/accept/", {"instructions": "Gửi bưu điện."})
    before = stock_of(two_cooperatives[0])
    coop_staff.post(f"/seller/returns/{ret.pk}/received/", {})
    assert stock_of(two_cooperatives[0]) == before
    assert ret.lines.get().resellable is False


@pytest.mark.django_db
def test_vietqr_refund_without_return(client, delivered, coop_staff, two_cooperatives):
    order, rice, paste = delivered("vietqr")
    before = stock_of(two_cooperatives[0])
    ask_return(client, order, rice, bank="Techcombank", account_number="190333444555", account_holder="LAN")
    ret = ReturnRequest.objects.get()
    coop_staff.post(f"/seller/returns/{ret.pk}/refund-only/")
    ret.refresh_from_db()
    assert (ret.status, ret.with_return) == (ReturnStatus.TO_REFUND, False)
    coop_staff.post(f"/seller/returns/{ret.pk}/transfer/", {"reference": ""})
    client.post(f"/orders/{order.number}/returns/{ret.pk}/received/")
    ret.refresh_from_db()
    assert ret.status == ReturnStatus.REFUNDED
    assert stock_of(two_cooperatives[0]) == before  # nothing came back
    assert list(Refund.objects.values_list("status", flat=True)) == ["pending", "succeeded"]


@pytest.mark.django_db
def test_refusal_escalated_and_decided_by_the_alliance(
    client, delivered, coop_staff, admin_user, django_capture_on_commit_callbacks
):
    order, rice, paste = delivered("cod")
    ask_return(client, order, rice, bank="ACB", account_number="123456789", account_holder="LAN")
    ret = ReturnRequest.objects.get()
    # A refusal needs a reason.
    assert coop_staff.post(f"/seller/returns/{ret.pk}/refuse/", {"reason": " "}).status_code == 400
    coop_staff.post(f"/seller/returns/{ret.pk}/refuse/", {"reason": "Ảnh không thấy hàng hỏng."})
    page = client.get(f"/orders/{order.number}/").content.decode()
    assert "Ảnh không thấy hàng hỏng." in page and "Nhờ Liên minh HTX xem xét" in page
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/orders/{order.number}/returns/{ret.pk}/escalate/")
    ret.refresh_from_db()
    assert ret.status == ReturnStatus.ESCALATED
    # The alliance's staff hear of it, with the refusal and a link to decide.
    to_staff = [m for m in mail.outbox if admin_user.email in m.to]
    assert len(to_staff) == 1
    assert ret.number in to_staff[0].subject and "Ảnh không thấy hàng hỏng." in to_staff[0].body
    assert f"/dashboard/returns/{ret.pk}/" in to_staff[0].body
    assert order.email not in to_staff[0].to

    staff = Client()
    staff.force_login(admin_user)
    from tests.conftest import TwoFactorClient

    staff = TwoFactorClient()
    staff.force_login(admin_user)
    listing = staff.get("/dashboard/returns/").content.decode()
    assert ret.number in listing
    assert staff.post(f"/dashboard/returns/{ret.pk}/", {"decision": "refund", "note": ""}).status_code == 400
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        staff.post(
            f"/dashboard/returns/{ret.pk}/", {"decision": "refund", "note": "Ảnh thứ hai thấy rõ vết vỡ."}
        )
    ret.refresh_from_db()
    assert (ret.status, ret.decision_note) == (ReturnStatus.TO_REFUND, "Ảnh thứ hai thấy rõ vết vỡ.")
    assert sorted(m.to[0] for m in mail.outbox) == sorted([order.email, "ketoan@comchay.vn"])
    assert (
        "Liên minh HTX quyết định hoàn tiền cho người mua."
        in client.get(f"/orders/{order.number}/").content.decode()
    )
    # The cooperative and the buyer cannot decide escalations.
    assert coop_staff.get("/dashboard/returns/").status_code in (302, 403)
    assert client.get("/dashboard/returns/").status_code in (302, 403)


@pytest.mark.django_db
def test_no_return_after_the_period_or_before_delivery(client, delivered, settings):
    order, rice, paste = delivered("cod")
    SubOrderEvent.objects.filter(suborder=rice, status="delivered").update(
        created_at=timezone.now() - timedelta(days=8)
    )
    response = ask_return(client, order, rice, bank="ACB", account_number="123456789", account_holder="LAN")
    assert response.status_code == 302 and not ReturnRequest.objects.exists()
    assert f"/returns/{rice.number}/new/" not in client.get(f"/orders/{order.number}/").content.decode()
    settings.RETURNS_PERIOD_DAYS = 10  # the one setting the period comes from
    ask_return(client, order, rice, bank="ACB", account_number="123456789", account_holder="LAN")
    assert ReturnRequest.objects.count() == 1
    # A second request while the first is open is refused; more than was bought is refused.
    ask_return(client, order, paste, bank="ACB", account_number="123456789", account_holder="LAN")
    line = order.lines.get(partner_id=paste.partner_id)
    too_many = ask_return(client, order, paste, **{f"qty_{line.pk}": "5"})
    assert too_many.status_code == 302 and ReturnRequest.objects.count() == 2  # the open one blocked it


@pytest.mark.django_db
def test_a_guest_returns_through_the_order_lookup_and_strangers_see_nothing(client, delivered, customer):
    order, rice, paste = delivered("cod", sign_in=True)
    guest = Client()
    url = f"/orders/{order.number}/returns/{rice.number}/new/"
    assert guest.get(url).status_code == 404
    address = order.shipping_address
    guest.post("/orders/lookup/", {"number": order.number, "contact": str(address.phone_number.as_national)})
    assert guest.get(url).status_code == 200
    ask_return(guest, order, rice, bank="ACB", account_number="123456789", account_holder="LAN")
    ret = ReturnRequest.objects.get()
    assert ret.created_by is None
    # Another signed-in buyer sees nothing and can do nothing.
    from django.contrib.auth import get_user_model

    other = get_user_model().objects.create_user(email="khac@example.vn", password="pw-other-12345")
    stranger = Client()
    stranger.force_login(other)
    photo_pk = ret.photos.get().pk
    for path in (
        url,
        f"/orders/{order.number}/returns/{ret.pk}/photos/{photo_pk}/",
    ):
        assert stranger.get(path).status_code == 404, path
    for path in (
        f"/orders/{order.number}/returns/{ret.pk}/escalate/",
        f"/orders/{order.number}/returns/{ret.pk}/received/",
    ):
        assert stranger.post(path).status_code == 404, path
    assert stranger.get(f"/orders/{order.number}/").status_code == 404
    # State changes are POST only.
    assert client.get(f"/orders/{order.number}/returns/{ret.pk}/escalate/").status_code == 405


@pytest.mark.django_db
def test_hostile_photos_and_bad_input_get_clear_messages(client, delivered):
    order, rice, paste = delivered("cod")
    line = order.lines.get(partner_id=rice.partner_id)
    bad = SimpleUploadedFile("x.jpg", b"<script>alert(1)</script>", content_type="image/jpeg")
    response = ask_return(
        client, order, rice, photos=[bad], bank="ACB", account_number="123456789", account_holder="LAN"
    )
    assert response.status_code == 400 and "không phải là ảnh" in response.content.decode()
    response = ask_return(
        client,
        order,
        rice,
        **{f"qty_{line.pk}": "abc"},
        bank="ACB",
        account_number="12",
        account_holder="LAN",
    )
    assert response.status_code == 400
    response = ask_return(
        client, order, rice, reason="nonsense", bank="ACB", account_number="123456", account_holder="L"
    )
    assert response.status_code == 400
    assert not ReturnRequest.objects.exists()


@pytest.mark.django_db
def test_query_counts_stay_flat_as_returns_grow(client, delivered, coop_staff, admin_user):
    order, rice, paste = delivered("cod")
    account = {"bank": "ACB", "account_number": "123456789", "account_holder": "LAN"}

    def count(path, who):
        who.get(path)  # reads (and clears) any message the last step left in the session
        with CaptureQueriesContext(connection) as queries:
            assert who.get(path).status_code == 200
        return len(queries)

    ask_return(client, order, rice, **account)
    ask_return(client, order, paste, **account)
    ret, other = ReturnRequest.objects.order_by("pk")
    pages = [
        (f"/orders/{order.number}/", client),
        ("/seller/returns/", coop_staff),
        (f"/seller/returns/{ret.pk}/", coop_staff),
        (f"/seller/orders/{rice.number}/", coop_staff),
    ]
    first = [count(path, who) for path, who in pages]
    # More steps and photos on the cooperative's return; the other part's return refused, decided
    # by the alliance and asked again (more returns on the buyer's page).
    coop_staff.post(f"/seller/returns/{ret.pk}/refuse/", {"reason": "Không đúng."})
    client.post(f"/orders/{order.number}/returns/{ret.pk}/escalate/")
    from marketplace.returns import services
    from marketplace.returns.models import ReturnPhoto

    for index in range(3):
        ReturnPhoto.objects.create(request=ret, image=f"returns/x{index}.jpg")
    services.return_refuse(request_id=other.pk, reason="Không đúng.")
    services.return_escalate(request_id=other.pk)
    services.return_decide(request_id=other.pk, decision="refuse", note="Giữ nguyên.", actor=admin_user)
    ask_return(client, order, paste, **account)
    assert ReturnRequest.objects.count() == 3
    second = [count(path, who) for path, who in pages]
    assert second == first
