"""A guest buys from two cooperatives and pays cash on delivery, through the real views."""

import re

import pytest
from django.core import mail
from oscar.core.loading import get_model

from tests.helpers.checkout import ADDRESS, PLACE_ORDER, add_to_basket, start_guest_checkout

Order = get_model("order", "Order")


@pytest.mark.django_db
def test_guest_pays_cash_on_delivery_for_two_cooperatives(
    client, country_vn, two_cooperatives, staff_user, django_capture_on_commit_callbacks
):
    rice, paste = two_cooperatives
    add_to_basket(client, rice, 2)
    add_to_basket(client, paste)
    basket = client.get("/basket/").content.decode()
    assert "Cơm cháy chà bông 200 g" in basket and "Mắm tép Gia Viễn 500 g" in basket
    assert "170.000\xa0₫" in basket  # 2 × 45.000 + 80.000

    start_guest_checkout(client)
    response = client.post("/checkout/shipping-address/", ADDRESS, follow=True)
    assert response.redirect_chain[-1][0] == "/checkout/payment-method/"
    page = response.content.decode()
    assert "Thanh toán khi nhận hàng (COD)" in page

    response = client.post("/checkout/payment-method/", {"payment_method": "cod"}, follow=True)
    assert response.redirect_chain[-1][0] == "/checkout/preview/"
    assert "Thanh toán khi nhận hàng (COD)" in response.content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/checkout/preview/", PLACE_ORDER, follow=True)
    assert response.redirect_chain[-1][0] == "/checkout/thank-you/"
    order = Order.objects.get()
    thank_you = response.content.decode()
    assert order.number in thank_you
    assert "0912 345 678" in thank_you  # stored as +84…, shown the Vietnamese way
    assert order.total_incl_tax == 170000
    assert {line.partner_name for line in order.lines.all()} == {
        "Hợp tác xã Cơm cháy Gia Sinh",
        "Hợp tác xã Mắm tép Gia Viễn",
    }
    address = order.shipping_address
    assert (address.line4, address.state, address.phone_number.as_e164) == (
        "Xã Gia Viễn",
        "Ninh Bình",
        "+84912345678",
    )

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["an@example.vn"]
    assert order.number in message.subject + message.body

    client.force_login(staff_user)
    dashboard = client.get("/dashboard/orders/").content.decode()
    assert order.number in dashboard


@pytest.mark.django_db
def test_checkout_rejects_a_phone_number_that_is_not_vietnamese(client, country_vn, two_cooperatives):
    add_to_basket(client, two_cooperatives[0])
    start_guest_checkout(client)
    response = client.post("/checkout/shipping-address/", {**ADDRESS, "phone_number": "12345"})
    assert response.status_code == 200
    assert "Số điện thoại không hợp lệ" in response.content.decode()
    assert Order.objects.count() == 0


@pytest.mark.django_db
def test_preview_without_a_payment_method_sends_the_buyer_back_to_choose(
    client, country_vn, two_cooperatives
):
    add_to_basket(client, two_cooperatives[0])
    start_guest_checkout(client)
    client.post("/checkout/shipping-address/", ADDRESS, follow=True)
    response = client.post("/checkout/preview/", PLACE_ORDER, follow=True)
    assert response.redirect_chain[-1][0] == "/checkout/payment-method/"
    assert Order.objects.count() == 0
    assert re.search("Hãy chọn cách thanh toán", response.content.decode())
