"""The product card and the product page as a shopper reads them."""

import re
from datetime import date

import pytest

from marketplace.ocop.models import Certificate, Verification
from tests.factories import CooperativeFactory, make_product


@pytest.fixture
def honey(db):
    partner = CooperativeFactory(
        name="Hợp tác xã Nông lâm sản Cúc Phương", short_name="HTX Cúc Phương", area="ninh_binh"
    )
    product = make_product(
        partner,
        title="Mật ong hoa rừng Cúc Phương 500 ml",
        price=250000,
        stock=60,
        image=True,
        description="Mật ong hoa rừng quanh vườn quốc gia.",
    )
    certificate = Certificate.objects.create(
        partner=partner,
        stars=4,
        group_code="I.2b",
        decision_number="215/QĐ-UBND",
        signed_on=date(2025, 3, 15),
        issuer="UBND tỉnh Ninh Bình",
        status=Verification.VERIFIED,
    )
    certificate.products.add(product)
    type(product).objects.filter(pk=product.pk).update(upc="8930000000017")
    return product


def card_of(html: str, product) -> str:
    start = html.index(f'data-product="{product.pk}"')
    return html[start : html.index("</article>", start)]


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


@pytest.mark.django_db
def test_a_card_shows_price_stars_cooperative_and_area_but_no_sku(client, honey):
    card = card_of(client.get("/catalogue/").content.decode(), honey)
    text = text_of(card)
    assert "Mật ong hoa rừng Cúc Phương 500 ml" in text
    assert '<p class="price">250.000\xa0₫</p>' in card
    assert "OCOP 4★" in text
    assert "HTX Cúc Phương" in text and "Hợp tác xã Nông lâm sản Cúc Phương" in text  # shown / read aloud
    assert "Ninh Bình (cũ)" in text
    assert honey.stockrecords.get().partner_sku not in card and "8930000000017" not in card
    # one link: the product's own, twice at most (none to the cooperative); the heart is a button
    assert set(re.findall(r'href="([^"]+)"', card)) == {honey.get_absolute_url()}
    assert "Lưu vào Yêu thích" in text and "Thêm vào giỏ" in text


@pytest.mark.django_db
def test_a_rating_shows_on_the_card_only_when_there_is_one(client, honey):
    assert "product-card__rating" not in card_of(client.get("/catalogue/").content.decode(), honey)
    honey.rating = 4.5
    honey.save()  # as a review's approval does (Product.update_rating): cached pages follow the save
    card = card_of(client.get("/catalogue/").content.decode(), honey)
    assert "★ 4,5" in text_of(card)


@pytest.mark.django_db
def test_a_sold_out_product_says_so_and_offers_no_basket_button(client):
    product = make_product(title="Chả dê núi 500 g", stock=0)
    card = card_of(client.get("/catalogue/").content.decode(), product)
    assert "Hết hàng" in card and "Thêm vào giỏ" not in card


@pytest.mark.django_db
def test_the_product_page_puts_picture_name_price_stars_stock_seller_and_basket_first(client, honey):
    html = client.get(honey.get_absolute_url()).content.decode()
    main = html[html.index('<main id="main"') :]
    order = [
        'class="gallery"',
        "<h1",
        "250.000\xa0₫",
        "OCOP 4★",
        "Còn 60 sản phẩm",
        'id="seller-info"',
        "HTX Cúc Phương",
        "Xem gian hàng",
        "Thông tin pháp lý của người bán",
        'id="add_to_basket_form"',
        "Mô tả sản phẩm",
        "Chứng nhận OCOP",
        "215/QĐ-UBND",
        "Đánh giá của người mua",
    ]
    positions = [main.index(marker) for marker in order]
    assert positions == sorted(positions)
    assert "<details" in main[main.index('id="seller-info"') : main.index('id="add_to_basket_form"')]


@pytest.mark.django_db
def test_the_product_page_has_no_oscar_jargon(client, honey):
    html = client.get(honey.get_absolute_url()).content.decode()
    visible = text_of(html[html.index("<body") :].split('<script type="application/ld+json"')[0])
    for leftover in [
        "UPC",
        "8930000000017",
        "Thuế",
        "Permalink",
        "Product Type",
        "Loại sản phẩm",
        "Availability",
    ]:
        assert leftover not in visible, leftover
    assert "Giá đã gồm VAT, chưa gồm phí giao hàng." in visible


@pytest.mark.django_db
def test_few_left_is_said_plainly(client):
    product = make_product(title="Tranh thêu tay hoa sen", stock=3)
    assert "Chỉ còn 3 sản phẩm" in client.get(product.get_absolute_url()).content.decode()


@pytest.mark.django_db
def test_a_sold_out_product_page_offers_saving_instead_of_the_basket(client):
    product = make_product(title="Chả dê núi 500 g", stock=0)
    html = client.get(product.get_absolute_url()).content.decode()
    assert 'id="add_to_basket_form"' not in html
    assert "Sản phẩm tạm hết hàng" in html and "Lưu vào Yêu thích" in html
