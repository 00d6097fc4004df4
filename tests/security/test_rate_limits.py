"""Rate limits on public forms: a visitor over the rate gets a Vietnamese 429 page; nothing is written."""

import pytest
import time_machine
from oscar.core.loading import get_model

from cms.models import PollVote
from marketplace.partner.models import Partner
from tests.factories import CooperativeFactory, make_product
from tests.helpers.checkout import checkout_until_preview, place_order
from tests.helpers.cms_fixtures import FIELD
from tests.helpers.seller import apply

Order = get_model("order", "Order")
ProductAlert = get_model("customer", "ProductAlert")


@pytest.fixture(autouse=True)
def one_moment():
    """Counters are per time window; keep every request of a test inside one window."""
    with time_machine.travel("2026-12-02 03:00:05 +0000", tick=False):
        yield


def assert_rate_limited(response):
    assert response.status_code == 429
    html = response.content.decode()
    assert "Bạn thao tác quá nhanh" in html and "Vui lòng đợi khoảng một phút rồi thử lại" in html


@pytest.mark.django_db
def test_guest_order_lookup_is_limited_to_ten_a_minute(client):
    for attempt in range(10):
        response = client.post("/orders/lookup/", {"number": f"10000{attempt}", "contact": "an@example.vn"})
        assert response.status_code == 200
    assert_rate_limited(client.post("/orders/lookup/", {"number": "100011", "contact": "an@example.vn"}))
    assert client.get("/orders/lookup/").status_code == 200  # reading the page is never limited


@pytest.mark.django_db
def test_another_address_is_not_limited_by_someone_elses_attempts(client):
    from django.test import Client

    for attempt in range(11):
        client.post("/orders/lookup/", {"number": f"10000{attempt}", "contact": "an@example.vn"})
    other = Client(REMOTE_ADDR="203.0.113.9")
    assert other.post("/orders/lookup/", {"number": "1", "contact": "x@example.vn"}).status_code == 200


@pytest.mark.django_db
def test_seller_applications_are_limited_to_five_an_hour(client):
    for _attempt in range(5):
        assert apply(client, name="").status_code == 400  # refused forms count too
    assert_rate_limited(apply(client))
    assert not Partner.objects.filter(name="Hợp tác xã Nông nghiệp Yên Mạc").exists()


@pytest.mark.django_db
def test_placing_orders_is_limited_to_ten_a_minute(client, country_vn):
    product = make_product(CooperativeFactory(), title="Cơm cháy 200 g", price=45000, stock=50)
    checkout_until_preview(client, [(product, 1)])
    for _attempt in range(10):
        response = place_order(client, accept_terms="")  # terms not accepted: the preview again
        assert response.status_code == 200
    assert_rate_limited(place_order(client))
    assert Order.objects.count() == 0


@pytest.mark.django_db
def test_poll_votes_are_limited(client, poll):  # noqa: F811
    from django.test import Client

    for number in range(10):
        Client(REMOTE_ADDR="198.51.100.7").post("/binh-chon/", {FIELD: "Mở rộng thị trường"})
        assert number < 10
    response = Client(REMOTE_ADDR="198.51.100.7").post("/binh-chon/", {FIELD: "Mở rộng thị trường"})
    assert_rate_limited(response)
    assert PollVote.objects.filter(page=poll).count() == 10


@pytest.mark.django_db
def test_complaints_are_limited_to_five_an_hour(client, legal_pages, mailoutbox):  # noqa: F811
    data = {"ho_va_ten": "Nguyễn Văn An", "noi_dung_khieu_nai": "Hàng giao bị vỡ."}
    for _attempt in range(5):
        assert client.post("/khieu-nai/", data).status_code == 200
    assert_rate_limited(client.post("/khieu-nai/", data))
    assert len(mailoutbox) == 5


@pytest.mark.django_db
def test_stock_alert_sign_ups_are_limited_to_ten_an_hour(client):
    product = make_product(CooperativeFactory(), title="Mắm tép 500 g", price=80000, stock=0)
    url = f"/accounts/alerts/create/{product.pk}/"
    for number in range(10):
        client.post(url, {"email": f"khach{number}@example.vn"})
    assert ProductAlert.objects.count() == 10
    assert_rate_limited(client.post(url, {"email": "khach99@example.vn"}))
    assert ProductAlert.objects.count() == 10
