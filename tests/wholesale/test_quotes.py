"""A business buyer asks for a quote on the product page, the cooperative answers in the seller
centre, the buyer puts the quoted quantity in the basket at the quoted price, and orders it. The
quote is the buyer's alone, and stops applying when it expires or has been ordered."""

from datetime import timedelta

import pytest
from django.utils import timezone
from oscar.core.loading import get_model

from marketplace.messaging.models import Message
from marketplace.partner.models import Role
from marketplace.wholesale.models import Quote, QuoteStatus
from tests.helpers.checkout import add_to_basket, checkout_until_preview, place_order

Order = get_model("order", "Order")
Basket = get_model("basket", "Basket")

pytestmark = pytest.mark.django_db


@pytest.fixture
def seller(coop, django_user_model):
    user = django_user_model.objects.create_user(email="banhang@giasinh.vn", password="pw-seller-123")
    coop.users.add(user, through_defaults={"role": Role.OWNER})
    return user


def ask(client, buyer, product, quantity=300):
    client.force_login(buyer)
    response = client.post(
        f"/wholesale/quotes/ask/{product.pk}/",
        {"quantity": quantity, "company": "Công ty Quà Tết Hà Nội", "note": "Giao trước 20/1"},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    return Quote.objects.latest("pk")


def answer(client, seller, quote, *, price="30.000", until=None):
    client.force_login(seller)
    until = until or (timezone.localdate() + timedelta(days=7))
    response = client.post(
        f"/seller/quotes/{quote.pk}/",
        {
            "action": "answer",
            "unit_price": price,
            "valid_until": until.isoformat(),
            "note": "Đóng thùng 20 hộp",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    quote.refresh_from_db()
    return quote


def basket_page(client):
    return client.get("/basket/").content.decode()


def test_a_quote_from_request_to_order_at_the_quoted_price(
    client, tiered, buyer, seller, country_vn, django_capture_on_commit_callbacks
):
    quote = ask(client, buyer, tiered)
    assert (quote.quantity, quote.status, quote.partner_id) == (
        300,
        QuoteStatus.REQUESTED,
        seller.partners.get().pk,
    )
    # The request is also a message in the buyer's conversation with the cooperative.
    assert Message.objects.filter(conversation__buyer=buyer, body__contains=quote.number).exists()

    client.force_login(seller)
    listing = client.get("/seller/quotes/").content.decode()
    assert quote.number in listing and "Chờ báo giá" in listing
    answer(client, seller, quote)
    assert (quote.status, quote.unit_price) == (QuoteStatus.ANSWERED, 30000)
    assert Message.objects.filter(
        conversation__buyer=buyer, side="cooperative", body__contains="30.000 ₫"
    ).exists()

    client.force_login(buyer)
    mine = client.get("/wholesale/quotes/").content.decode()
    assert "Đã báo giá" in mine and "9.000.000\xa0₫" in mine  # 300 × 30.000
    response = client.post(f"/wholesale/quotes/{quote.pk}/add/")
    assert response.status_code == 302 and response["Location"] == "/basket/"
    page = basket_page(client)
    assert "Đơn giá 30.000\xa0₫" in page and f"Giá theo báo giá {quote.number}" in page

    checkout_until_preview(client, [])
    with django_capture_on_commit_callbacks(execute=True):
        place_order(client)
    line = Order.objects.get().lines.get()
    assert (line.quantity, line.unit_price_incl_tax, line.line_price_incl_tax) == (300, 30000, 9000000)

    # Ordered: the quote is used; it cannot go into the new basket again.
    mine = client.get("/wholesale/quotes/").content.decode()
    assert "Đã đặt hàng" in mine
    response = client.post(f"/wholesale/quotes/{quote.pk}/add/", follow=True)
    assert "đã hết hạn hoặc đã dùng" in response.content.decode()
    add_to_basket(client, tiered, 100)
    assert "Đơn giá 36.000\xa0₫" in basket_page(client)  # the tier price, no quote


def test_a_quote_applies_only_to_the_quoted_quantity(client, tiered, buyer, seller):
    quote = answer(client, seller, ask(client, buyer, tiered, quantity=100))
    client.force_login(buyer)
    client.post(f"/wholesale/quotes/{quote.pk}/add/")
    line = Basket.objects.get(owner=buyer).lines.get()
    assert line.quantity == 100
    line.quantity = 120
    line.save()
    page = basket_page(client)
    assert "Đơn giá 36.000\xa0₫" in page  # the tier for 120, not the quote
    assert f"Giá báo giá {quote.number} chỉ áp dụng khi mua đúng 100 sản phẩm." in page


def test_an_expired_quote_no_longer_applies(client, tiered, buyer, seller):
    quote = answer(client, seller, ask(client, buyer, tiered, quantity=100))
    client.force_login(buyer)
    client.post(f"/wholesale/quotes/{quote.pk}/add/")
    assert "Đơn giá 30.000\xa0₫" in basket_page(client)

    Quote.objects.filter(pk=quote.pk).update(valid_until=timezone.localdate() - timedelta(days=1))
    page = basket_page(client)
    assert "Đơn giá 36.000\xa0₫" in page and "30.000\xa0₫" not in page
    mine = client.get("/wholesale/quotes/").content.decode()
    assert "Hết hạn" in mine and f"/wholesale/quotes/{quote.pk}/add/" not in mine
    response = client.post(f"/wholesale/quotes/{quote.pk}/add/", follow=True)
    assert "đã hết hạn hoặc đã dùng" in response.content.decode()


def test_nobody_else_can_use_a_quote(client, tiered, buyer, other_buyer, seller):
    quote = answer(client, seller, ask(client, buyer, tiered, quantity=100))

    client.force_login(other_buyer)
    theirs = client.get("/wholesale/quotes/").content.decode()
    assert "Bạn chưa xin báo giá nào" in theirs and f"/wholesale/quotes/{quote.pk}/add/" not in theirs
    assert client.post(f"/wholesale/quotes/{quote.pk}/add/").status_code == 404
    add_to_basket(client, tiered, 100)
    assert "Đơn giá 36.000\xa0₫" in basket_page(client)

    # Even pointed at another person's basket, the quote prices only its buyer's basket.
    Quote.objects.filter(pk=quote.pk).update(basket=Basket.objects.get(owner=other_buyer))
    assert "Đơn giá 36.000\xa0₫" in basket_page(client)

    client.logout()
    assert client.post(f"/wholesale/quotes/{quote.pk}/add/").status_code == 302  # to sign in
    assert Quote.objects.get(pk=quote.pk).basket.owner == other_buyer  # unchanged by the guest


def test_the_cooperative_can_decline_and_cannot_answer_twice(client, tiered, buyer, seller):
    quote = ask(client, buyer, tiered)
    client.force_login(seller)
    client.post(f"/seller/quotes/{quote.pk}/", {"action": "decline", "note": "Hết hàng vụ này"})
    quote.refresh_from_db()
    assert quote.status == QuoteStatus.DECLINED
    response = client.post(
        f"/seller/quotes/{quote.pk}/",
        {"action": "answer", "unit_price": "1000", "valid_until": "2099-01-01"},
    )
    assert response.status_code == 400 and "đã được trả lời" in response.content.decode()
    client.force_login(buyer)
    assert "Chưa thể báo giá" in client.get("/wholesale/quotes/").content.decode()


@pytest.mark.parametrize(
    ("posted", "message"),
    [
        ({"action": "answer", "unit_price": "", "valid_until": "2099-01-01"}, "Hãy ghi đơn giá."),
        ({"action": "answer", "unit_price": "abc", "valid_until": "2099-01-01"}, "Nhập giá bằng số"),
        ({"action": "answer", "unit_price": "1000", "valid_until": "2020-01-01"}, "từ hôm nay trở đi"),
        ({"action": "answer", "unit_price": "1000", "valid_until": "hôm qua"}, "Ngày không đúng"),
    ],
)
def test_a_bad_answer_gets_a_vietnamese_message(client, tiered, buyer, seller, posted, message):
    quote = ask(client, buyer, tiered)
    client.force_login(seller)
    response = client.post(f"/seller/quotes/{quote.pk}/", posted)
    assert response.status_code == 400 and message in response.content.decode()
    quote.refresh_from_db()
    assert quote.status == QuoteStatus.REQUESTED


def test_a_bad_request_gets_a_vietnamese_message(client, wholesale_only, buyer):
    client.force_login(buyer)
    response = client.post(f"/wholesale/quotes/ask/{wholesale_only.pk}/", {"quantity": "5"})
    assert response.status_code == 400
    assert "Số lượng xin báo giá phải từ 20" in response.content.decode()
    response = client.post(f"/wholesale/quotes/ask/{wholesale_only.pk}/", {"quantity": "nhiều"})
    assert response.status_code == 400 and "Nhập số lượng bằng số" in response.content.decode()
    assert not Quote.objects.exists()
