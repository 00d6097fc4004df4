"""A cooperative sets how it delivers in the seller centre; buyers read it on the storefront, the
product page and the basket, and the checkout follows it (fees, provinces, pickup)."""

from types import SimpleNamespace

import pytest
from django.urls import reverse

from marketplace.delivery.models import ShippingSettings
from marketplace.delivery.summary import shipping_summary
from tests.factories import CooperativeFactory, make_product, shipping_settings_for
from tests.helpers.checkout import ADDRESS, add_to_basket, start_guest_checkout

HANOI = {**ADDRESS, "state": "01", "line4": "00070", "line1": "12 Hàng Bạc"}


def settings(**fields):
    values = {
        "delivers": True,
        "flat_fee": 0,
        "free_above": None,
        "provinces": [],
        "pickup": False,
        "pickup_address": "",
        "pickup_hours": "",
    }
    values.update(fields)
    return SimpleNamespace(**values)


@pytest.mark.parametrize(
    "fields, expected",
    [
        ({}, "Giao toàn quốc, miễn phí giao hàng."),
        (
            {"flat_fee": 30000, "free_above": 500000},
            "Giao toàn quốc, 30.000\xa0₫, miễn phí từ 500.000\xa0₫.",
        ),
        ({"provinces": ["Ninh Bình"], "flat_fee": 15000}, "Giao trong tỉnh Ninh Bình, 15.000\xa0₫."),
        (
            {"provinces": ["Ninh Bình", "Hà Nội"], "flat_fee": 25000},
            "Giao đến Ninh Bình, Hà Nội, 25.000\xa0₫.",
        ),
        (
            {"provinces": ["Ninh Bình", "Hà Nội", "Hưng Yên", "Phú Thọ"], "flat_fee": 25000},
            "Giao đến 4 tỉnh, thành phố, 25.000\xa0₫.",
        ),
        (
            {
                "delivers": False,
                "pickup": True,
                "pickup_address": "Thôn Tập Ninh",
                "pickup_hours": "7:00–17:00",
            },
            "Chỉ nhận tại chỗ: Thôn Tập Ninh (7:00–17:00).",
        ),
        (
            {"flat_fee": 20000, "pickup": True, "pickup_address": "Thôn Tập Ninh"},
            "Giao toàn quốc, 20.000\xa0₫. Nhận tại chỗ: Thôn Tập Ninh.",
        ),
    ],
)
def test_the_sentence_buyers_read(fields, expected):
    partner = SimpleNamespace(province="Ninh Bình", address_line="Thôn Tập Ninh, xã Gia Viễn")
    assert shipping_summary(settings(**fields), partner) == expected


def test_perishables_are_said_to_stay_in_the_province():
    partner = SimpleNamespace(province="Ninh Bình", address_line="")
    text = shipping_summary(settings(flat_fee=15000), partner, local_only=True)
    assert text == "Hàng tươi sống: chỉ giao trong tỉnh Ninh Bình, 15.000\xa0₫."


def post_settings(client, **fields):
    data = {"delivers": "on", "flat_fee": "30.000", "free_above": "500000", "coverage": "all"}
    data.update(fields)
    return client.post(reverse("seller:shipping"), {k: v for k, v in data.items() if v is not None})


@pytest.mark.django_db
def test_owner_sets_fee_and_free_threshold_and_the_storefront_says_so(client, coop_a):
    client.force_login(coop_a.user)
    page = client.get(reverse("seller:shipping")).content.decode()
    assert "Giao toàn quốc, miễn phí giao hàng." in page  # no settings yet: what buyers see today
    response = post_settings(client)
    assert response.status_code == 302
    saved = ShippingSettings.objects.get(partner=coop_a.partner)
    assert (saved.flat_fee, saved.free_above, saved.provinces) == (30000, 500000, [])
    sentence = "Giao toàn quốc, 30.000\xa0₫, miễn phí từ 500.000\xa0₫."
    assert sentence in client.get(reverse("seller:shipping")).content.decode()
    storefront = client.get(reverse("cooperatives:detail", kwargs={"slug": coop_a.partner.code}))
    assert sentence in storefront.content.decode()
    assert sentence in client.get(coop_a.product.get_absolute_url()).content.decode()


@pytest.mark.django_db
def test_staff_member_may_set_shipping_too(client, coop_a):
    client.force_login(coop_a.helper)
    assert post_settings(client, flat_fee="20000", free_above="").status_code == 302
    assert ShippingSettings.objects.get(partner=coop_a.partner).flat_fee == 20000


@pytest.mark.django_db
def test_provinces_served_and_pickup_only(client, coop_a):
    client.force_login(coop_a.user)
    post_settings(client, coverage="some", provinces=["37", "01"])
    assert ShippingSettings.objects.get(partner=coop_a.partner).provinces == ["Hà Nội", "Ninh Bình"]
    post_settings(
        client, delivers=None, pickup="on", pickup_address="Nhà văn hoá thôn", pickup_hours="7–17 giờ"
    )
    saved = ShippingSettings.objects.get(partner=coop_a.partner)
    assert (saved.delivers, saved.pickup, saved.pickup_address, saved.provinces) == (
        False,
        True,
        "Nhà văn hoá thôn",
        [],
    )
    page = client.get(reverse("cooperatives:detail", kwargs={"slug": coop_a.partner.code})).content.decode()
    assert "Chỉ nhận tại chỗ: Nhà văn hoá thôn (7–17 giờ)." in page


@pytest.mark.django_db
def test_form_refuses_settings_a_buyer_could_not_use(client, coop_a):
    client.force_login(coop_a.user)
    response = post_settings(client, delivers=None)
    assert response.status_code == 400
    assert "Hãy chọn ít nhất một cách" in response.content.decode()
    response = post_settings(client, coverage="some")
    assert "Hãy chọn ít nhất một tỉnh, thành phố." in response.content.decode()
    response = post_settings(client, flat_fee="30k")
    assert "Nhập giá bằng số" in response.content.decode()
    assert not ShippingSettings.objects.filter(partner=coop_a.partner).exists()


@pytest.mark.django_db
def test_perishables_are_marked_on_the_shipping_page(client, coop_a):
    client.force_login(coop_a.user)
    post_settings(client, local_products=[coop_a.product.pk])
    coop_a.product.refresh_from_db()
    assert coop_a.product.local_only is True
    post_settings(client)
    coop_a.product.refresh_from_db()
    assert coop_a.product.local_only is False


@pytest.mark.django_db
def test_preview_gives_the_sentence_without_saving(client, coop_a):
    client.force_login(coop_a.user)
    response = client.get(
        reverse("seller:shipping-preview"),
        {"delivers": "on", "flat_fee": "25000", "coverage": "some", "provinces": ["37"]},
    )
    assert response.json() == {"sentence": "Giao trong tỉnh Ninh Bình, 25.000\xa0₫."}
    response = client.get(reverse("seller:shipping-preview"), {"flat_fee": "25000"})
    assert "hãy chọn giao hàng tận nơi hoặc nhận tại chỗ" in response.json()["sentence"]
    assert not ShippingSettings.objects.filter(partner=coop_a.partner).exists()


@pytest.mark.django_db
def test_basket_shows_each_cooperatives_sentence(client, two_cooperatives):
    rice, paste = two_cooperatives
    shipping_settings_for(rice.stockrecords.get().partner, flat_fee=30000, free_above=500000)
    add_to_basket(client, rice)
    page = client.get("/basket/").content.decode()
    assert "Giao toàn quốc, 30.000\xa0₫, miễn phí từ 500.000\xa0₫." in page


@pytest.mark.django_db
def test_refusal_names_the_provinces_served_and_offers_no_pickup_that_does_not_exist(client, country_vn):
    farm = CooperativeFactory(name="Hợp tác xã Dê núi Hoa Lư", province="Ninh Bình")
    goat = make_product(farm, title="Thịt dê núi 1 kg", price=300000, stock=5, local_only=True)
    shipping_settings_for(farm, flat_fee=20000)
    add_to_basket(client, goat)
    start_guest_checkout(client)
    page = client.post("/checkout/shipping-address/", HANOI).content.decode()
    assert "chỉ giao hàng tươi sống trong tỉnh Ninh Bình, không giao đến Hà Nội" in page
    assert "nhận tại chỗ" not in page.split("Hợp tác xã Dê núi Hoa Lư chỉ giao")[1][:200]
    basket = client.get("/basket/").content.decode()
    assert "Hàng tươi sống: chỉ giao trong tỉnh Ninh Bình, 20.000\xa0₫." in basket

    rice = make_product(CooperativeFactory(name="HTX Gạo"), title="Gạo", price=50000)
    shipping_settings_for(rice.stockrecords.get().partner, provinces=["Ninh Bình", "Hưng Yên"])
    client.post("/basket/", {})
    add_to_basket(client, rice)
    page = client.post("/checkout/shipping-address/", HANOI).content.decode()
    assert "HTX Gạo không giao hàng đến Hà Nội (chỉ giao đến: Ninh Bình, Hưng Yên)" in page


@pytest.mark.django_db
def test_pickup_only_cooperative_is_picked_up_at_its_address_with_hours(client, country_vn):
    farm = CooperativeFactory(name="Hợp tác xã Nem Yên Mạc", province="Ninh Bình")
    nem = make_product(farm, title="Nem chua Yên Mạc", price=60000, stock=50, local_only=True)
    shipping_settings_for(
        farm, delivers=False, pickup=True, pickup_address="Chợ Yên Mạc", pickup_hours="6:00–11:00"
    )
    add_to_basket(client, nem)
    start_guest_checkout(client)
    response = client.post("/checkout/shipping-address/", HANOI, follow=True)
    assert response.redirect_chain[-1][0] == "/checkout/payment-method/"
    client.post("/checkout/payment-method/", {"payment_method": "cod"})
    page = client.get("/checkout/preview/").content.decode()
    assert "Nhận tại hợp tác xã" in page and "Chợ Yên Mạc (6:00–11:00)" in page
