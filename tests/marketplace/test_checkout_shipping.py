"""Basket grouped by cooperative, each cooperative's shipping options, unserved addresses refused,
and query counts that do not grow with the number of cooperatives."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from oscar.core.loading import get_model

from tests.factories import CooperativeFactory, make_product, shipping_settings_for
from tests.helpers.checkout import (
    ADDRESS,
    add_to_basket,
    checkout_until_preview,
    place_order,
    start_guest_checkout,
)

Order = get_model("order", "Order")
HANOI = {**ADDRESS, "state": "01", "line4": "00070", "line1": "12 Hàng Bạc"}  # Phường Hoàn Kiếm, Hà Nội


@pytest.mark.django_db
def test_basket_groups_lines_by_cooperative_with_subtotal_and_shipping(client, two_cooperatives):
    rice, paste = two_cooperatives
    shipping_settings_for(rice.stockrecords.get().partner, flat_fee=20000, free_above=100000)
    shipping_settings_for(paste.stockrecords.get().partner, flat_fee=30000)
    add_to_basket(client, rice, 3)  # 135.000: above the free threshold
    add_to_basket(client, paste, 1)
    page = client.get("/basket/").content.decode()
    __, rice_box, paste_box = page.split('class="card co-coop"')
    assert "Hợp tác xã Cơm cháy Gia Sinh" in rice_box and "Cơm cháy chà bông 200 g" in rice_box
    assert "Hợp tác xã Mắm tép Gia Viễn" in paste_box and "Mắm tép Gia Viễn 500 g" in paste_box
    assert "135.000\xa0₫" in rice_box and "Miễn phí" in rice_box
    assert "30.000\xa0₫" in paste_box and "110.000\xa0₫" in paste_box
    assert "245.000\xa0₫" in page  # 135.000 + 80.000 + 30.000 shipping


@pytest.mark.django_db
def test_checkout_refuses_a_province_the_cooperative_does_not_serve(client, country_vn, two_cooperatives):
    rice, paste = two_cooperatives
    shipping_settings_for(paste.stockrecords.get().partner, provinces=["Ninh Bình", "Hưng Yên"])
    add_to_basket(client, rice)
    add_to_basket(client, paste)
    start_guest_checkout(client)
    response = client.post("/checkout/shipping-address/", HANOI)
    assert response.status_code == 200
    assert "Hợp tác xã Mắm tép Gia Viễn không giao hàng đến Hà Nội" in response.content.decode()
    response = client.post("/checkout/shipping-address/", ADDRESS, follow=True)
    assert response.redirect_chain[-1][0] == "/checkout/payment-method/"


@pytest.mark.django_db
def test_unknown_province_is_refused(client, country_vn, two_cooperatives):
    add_to_basket(client, two_cooperatives[0])
    start_guest_checkout(client)
    response = client.post("/checkout/shipping-address/", {**ADDRESS, "state": "Hà Tây"})
    assert "Hãy chọn tỉnh/thành phố trong danh sách 34 tỉnh" in response.content.decode()


@pytest.mark.django_db
def test_province_is_stored_by_its_official_name(client, country_vn, two_cooperatives):
    add_to_basket(client, two_cooperatives[0])
    start_guest_checkout(client)
    client.post("/checkout/shipping-address/", {**ADDRESS, "state": "tinh ninh binh"}, follow=True)
    client.post("/checkout/payment-method/", {"payment_method": "cod"})
    place_order(client)
    assert Order.objects.get().shipping_address.state == "Ninh Bình"


@pytest.mark.django_db
def test_local_only_goods_go_no_further_than_the_province_but_can_be_picked_up(
    client, country_vn, django_capture_on_commit_callbacks
):
    farm = CooperativeFactory(name="Hợp tác xã Dê núi Hoa Lư", province="Ninh Bình")
    goat = make_product(farm, title="Thịt dê núi 1 kg", price=300000, stock=5, local_only=True)
    add_to_basket(client, goat)
    start_guest_checkout(client)
    response = client.post("/checkout/shipping-address/", HANOI)
    assert "chỉ giao hàng tươi sống trong tỉnh Ninh Bình" in response.content.decode()

    shipping_settings_for(farm, pickup=True, pickup_address="Thôn Văn Lâm, phường Hoa Lư")
    response = client.post("/checkout/shipping-address/", HANOI, follow=True)
    # Pickup is the only option left, so it is chosen without asking.
    assert response.redirect_chain[-1][0] == "/checkout/payment-method/"
    client.post("/checkout/payment-method/", {"payment_method": "cod"})
    page = client.get("/checkout/preview/").content.decode()
    assert "Nhận tại hợp tác xã" in page and "Thôn Văn Lâm, phường Hoa Lư" in page
    with django_capture_on_commit_callbacks(execute=True):
        place_order(client)
    suborder = Order.objects.get().suborders.get()
    assert (suborder.shipping_code, suborder.shipping_detail) == ("pickup", "Thôn Văn Lâm, phường Hoa Lư")


@pytest.mark.django_db
def test_buyer_chooses_delivery_or_pickup_per_cooperative(client, country_vn, two_cooperatives):
    rice, paste = two_cooperatives
    shipping_settings_for(
        rice.stockrecords.get().partner, flat_fee=15000, pickup=True, pickup_address="Gia Sinh"
    )
    response = checkout_until_preview(client, [(rice, 1), (paste, 1)])
    assert response.redirect_chain[-1][0] == "/checkout/preview/"
    page = client.get("/checkout/preview/").content.decode()
    assert "125.000\xa0₫" in page and "140.000\xa0₫" in page  # goods, then goods + 15.000 delivery
    client.post("/checkout/shipping-method/", {f"shipping-{rice.stockrecords.get().partner_id}": "pickup"})
    page = client.get("/checkout/preview/").content.decode()
    assert "Nhận tại hợp tác xã" in page and "140.000\xa0₫" not in page


@pytest.mark.django_db
def test_preview_requires_accepting_the_regulations(client, country_vn, two_cooperatives):
    checkout_until_preview(client, [(two_cooperatives[0], 1)])
    page = client.get("/checkout/preview/").content.decode()
    assert 'name="accept_terms"' in page and "checked" not in page.split('name="accept_terms"')[1][:40]
    response = client.post("/checkout/preview/", {"action": "place_order"})
    assert "Hãy đọc và đồng ý với Quy chế hoạt động" in response.content.decode()
    assert Order.objects.count() == 0


@pytest.mark.django_db
def test_company_e_invoice_request_is_kept_with_the_order(client, country_vn, two_cooperatives):
    checkout_until_preview(client, [(two_cooperatives[0], 1)])
    response = place_order(
        client, invoice_company="Công ty TNHH Hoa Lư", invoice_tax_code="123", invoice_email="kt@hoalu.vn"
    )
    assert "Mã số thuế gồm 10 chữ số" in response.content.decode()
    place_order(
        client,
        invoice_company="Công ty TNHH Hoa Lư",
        invoice_tax_code="2700123456",
        invoice_email="kt@hoalu.vn",
    )
    invoice = Order.objects.get().invoice_request
    assert (invoice.company_name, invoice.tax_code, invoice.email) == (
        "Công ty TNHH Hoa Lư",
        "2700123456",
        "kt@hoalu.vn",
    )


def fill_basket(client, cooperatives):
    for index in range(cooperatives):
        partner = CooperativeFactory()
        shipping_settings_for(partner, flat_fee=10000 * (index + 1))
        for __ in range(2):
            add_to_basket(client, make_product(partner, image=True))


def count_queries(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(context.captured_queries)


@pytest.mark.django_db
def test_basket_and_checkout_query_counts_do_not_grow_with_cooperatives(
    client, country_vn, django_user_model
):
    def measure(cooperatives):
        from django.test import Client

        cache.clear()  # a full local-memory cache culls entries at random (thumbnails)
        buyer = Client()
        fill_basket(buyer, cooperatives)
        basket = count_queries(buyer, "/basket/")
        start_guest_checkout(buyer)
        buyer.post("/checkout/shipping-address/", ADDRESS, follow=True)
        address = count_queries(buyer, "/checkout/shipping-address/")
        buyer.post("/checkout/payment-method/", {"payment_method": "cod"})
        methods = count_queries(buyer, "/checkout/payment-method/")
        preview = count_queries(buyer, "/checkout/preview/")
        return basket, address, methods, preview

    assert measure(1) == measure(5)
