"""Public storefronts: only approved cooperatives are shown, filterable; products and badges follow."""

from datetime import date

import pytest
from dateutil.relativedelta import relativedelta

from marketplace.ocop.models import Certificate, Verification
from marketplace.partner.models import Status
from tests.factories import CooperativeFactory, make_product
from tests.helpers.orders import place_order


def certify(partner, product, *, stars=4, status=Verification.VERIFIED, signed_on=None):
    certificate = Certificate.objects.create(
        partner=partner,
        stars=stars,
        group_code="I.3b",
        decision_number=f"{product.pk}/QĐ-{stars}",
        signed_on=signed_on or date.today() - relativedelta(months=6),
        issuer="UBND tỉnh Ninh Bình",
        status=status,
    )
    certificate.products.add(product)
    return certificate


@pytest.fixture
def floor(db):
    from marketplace.catalogue.services import category_ensure

    food = category_ensure(code="I", name="Thực phẩm")
    crafts = category_ensure(code="IV", name="Hàng thủ công mỹ nghệ")
    approved = CooperativeFactory(name="HTX Cơm cháy Hoa Lư", commune="Phường Hoa Lư", area="ninh_binh")
    craft = CooperativeFactory(name="HTX Cói Kim Sơn", commune="Xã Kim Sơn", area="ninh_binh")
    hanam = CooperativeFactory(name="HTX Bánh đa Kiện Khê", commune="Xã Thanh Liêm", area="ha_nam")
    hidden = {
        status: CooperativeFactory(name=f"HTX {label}", status=status)
        for status, label in [
            (Status.APPLIED, "Chờ duyệt"),
            (Status.REJECTED, "Bị từ chối"),
            (Status.SUSPENDED, "Tạm ngừng"),
        ]
    }
    rice = make_product(approved, title="Cơm cháy chà bông", category=food)
    plain = make_product(approved, title="Cơm cháy mỡ hành", category=food)
    mat = make_product(craft, title="Chiếu cói Kim Sơn", category=crafts)
    paper = make_product(hanam, title="Bánh đa nem Kiện Khê", category=food)
    certify(approved, rice, stars=5)
    certify(craft, mat, stars=3)
    certify(hanam, paper, stars=4, status=Verification.PENDING)
    hidden_products = {status: make_product(p, title=f"Sản phẩm {p.name}") for status, p in hidden.items()}
    return locals()


def names(client, query=""):
    html = client.get(f"/cooperatives/{query}").content.decode()
    return {n for n in ["HTX Cơm cháy Hoa Lư", "HTX Cói Kim Sơn", "HTX Bánh đa Kiện Khê"] if n in html}, html


@pytest.mark.django_db
def test_only_approved_cooperatives_are_listed(client, floor):
    shown, html = names(client)
    assert shown == {"HTX Cơm cháy Hoa Lư", "HTX Cói Kim Sơn", "HTX Bánh đa Kiện Khê"}
    for label in ["Chờ duyệt", "Bị từ chối", "Tạm ngừng"]:
        assert f"HTX {label}" not in html
    assert "3 hợp tác xã" in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("?area=ha_nam", {"HTX Bánh đa Kiện Khê"}),
        ("?commune=14638", {"HTX Cói Kim Sơn"}),  # Xã Kim Sơn, by its official code
        ("?commune=Xã Kim Sơn", {"HTX Cói Kim Sơn"}),  # links made before codes still work
        ("?stars=3", {"HTX Cơm cháy Hoa Lư", "HTX Cói Kim Sơn"}),  # Kiện Khê's certificate is not verified
        ("?stars=5", {"HTX Cơm cháy Hoa Lư"}),
        ("?group=IV", {"HTX Cói Kim Sơn"}),
        ("?group=I&area=ninh_binh", {"HTX Cơm cháy Hoa Lư"}),
        ("?area=nam_dinh", set()),
    ],
)
def test_cooperatives_filter_by_area_commune_stars_and_group(client, floor, query, expected):
    assert names(client, query)[0] == expected


@pytest.mark.django_db
def test_storefront_shows_profile_story_seller_information_badges_and_products(client, floor):
    partner = floor["approved"]
    partner.story = "<p>Ba thế hệ làm cơm cháy.</p>"
    partner.founded = 2012
    partner.save()
    response = client.get(f"/cooperatives/{partner.code}/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "<p>Ba thế hệ làm cơm cháy.</p>" in html and "thành lập năm 2012" in html
    seller = html[html.index('id="seller-info"') :]
    for fact in [
        partner.name,
        partner.address_line,
        "0912 345 678",
        partner.registration_number,
        partner.tax_code,
    ]:
        assert fact in seller
    ocop = html[html.index('id="ocop-products"') : html.index('id="all-products"')]
    assert "Cơm cháy chà bông" in ocop and "OCOP 5★" in ocop and "Cơm cháy mỡ hành" not in ocop
    everything = html[html.index('id="all-products"') :]
    assert "Cơm cháy chà bông" in everything and "Cơm cháy mỡ hành" in everything


@pytest.mark.django_db
@pytest.mark.parametrize("status", [Status.APPLIED, Status.REJECTED, Status.SUSPENDED])
def test_hidden_cooperatives_have_no_storefront_and_their_products_leave_the_catalogue(client, floor, status):
    partner, product = floor["hidden"][status], floor["hidden_products"][status]
    assert client.get(f"/cooperatives/{partner.code}/").status_code == 404
    assert product.title not in client.get("/catalogue/").content.decode()
    assert product.title not in client.get("/search/?q=san pham").content.decode()


@pytest.mark.django_db
def test_suspending_hides_the_storefront_but_keeps_orders_intact(client, floor, staff_user):
    from marketplace.partner import services

    partner, product = floor["approved"], floor["rice"]
    order = place_order(product)
    services.cooperative_status_change(
        partner=partner, to_status=Status.SUSPENDED, by=staff_user, reason="Kiểm tra"
    )
    assert client.get(f"/cooperatives/{partner.code}/").status_code == 404
    assert "Cơm cháy chà bông" not in client.get("/catalogue/").content.decode()
    order.refresh_from_db()
    assert order.lines.get().partner == partner and order.lines.get().title == "Cơm cháy chà bông"
    services.cooperative_status_change(
        partner=partner, to_status=Status.APPROVED, by=staff_user, reason="Xong"
    )
    assert "Cơm cháy chà bông" in client.get("/catalogue/").content.decode()


@pytest.mark.django_db
def test_product_pages_link_to_the_storefront_and_cards_name_the_cooperative(client, floor):
    product, partner = floor["rice"], floor["approved"]
    storefront = f'href="/cooperatives/{partner.code}/"'
    assert storefront in client.get(product.get_absolute_url()).content.decode()
    # a card is one link (to the product); it names the cooperative without a second link
    html = client.get("/catalogue/").content.decode()
    card = html[html.index(f'data-product="{product.pk}"') :].split("</article>")[0]
    assert partner.name in card and storefront not in card


@pytest.mark.django_db
def test_a_suspended_cooperatives_product_cannot_be_bought_even_by_its_url(client, floor, staff_user):
    from marketplace.partner import services

    product = floor["rice"]
    client.post(f"/basket/add/{product.pk}/", {"quantity": 1})  # in the basket before the suspension
    services.cooperative_status_change(
        partner=floor["approved"], to_status=Status.SUSPENDED, by=staff_user, reason="Kiểm tra"
    )
    page = client.get(product.get_absolute_url())
    assert page.status_code == 200 and 'id="add_to_basket_form"' not in page.content.decode()
    client.post(f"/basket/add/{product.pk}/", {"quantity": 1})
    basket = client.get("/basket/").content.decode()
    # The line bought before the suspension is flagged, in our words.
    assert f"“{product.title}” hiện không còn được bán trên Chợ HTX." in basket
    assert client.get("/checkout/", follow=True).redirect_chain[-1][0] == "/basket/"
