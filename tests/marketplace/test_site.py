"""The URL map, language, money, dates and slugs, as a visitor sees them."""

from datetime import date

import pytest
from django.template import Context, Template
from django.utils import translation

from marketplace.core.money import format_vnd
from marketplace.core.text import fold, slugify
from tests.factories import CooperativeFactory, make_product


@pytest.mark.django_db
def test_root_is_the_wagtail_home_page(client):
    response = client.get("/")
    assert response.status_code == 200
    assert response.context["page"].specific_class.__name__ == "HomePage"
    assert "Chợ HTX – sàn giao dịch của các hợp tác xã" in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/catalogue/", "/basket/", "/search/?q=com", "/accounts/login/"])
def test_shop_lives_at_the_root_paths(client, url):
    assert client.get(url).status_code == 200


@pytest.mark.django_db
def test_checkout_with_an_empty_basket_goes_back_to_the_basket(client):
    response = client.get("/checkout/")
    assert response.status_code == 302
    assert response["Location"] == "/basket/"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("url", "login"),
    [
        ("/dashboard/", "/dashboard/login/"),
        ("/cms-admin/", "/cms-admin/login/"),
        ("/django-admin/", "/django-admin/login/"),
    ],
)
def test_back_offices_ask_visitors_to_sign_in(client, url, login):
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(login)


@pytest.mark.django_db
def test_dashboard_is_for_alliance_staff_only(client, customer, staff_user):
    partner = CooperativeFactory()
    partner.users.add(customer)  # cooperative staff work in /seller/, never in /dashboard/
    client.force_login(customer)
    assert client.get("/dashboard/").status_code == 403
    assert client.get("/dashboard/orders/").status_code == 403
    client.force_login(staff_user)
    assert client.get("/dashboard/").status_code == 200


@pytest.mark.django_db
def test_unknown_paths_are_404(client):
    assert client.get("/khong-co-trang-nay/").status_code == 404


@pytest.mark.django_db
def test_pages_are_vietnamese_whatever_the_browser_asks(client):
    response = client.get("/basket/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert response["Content-Language"] == "vi"
    assert '<html lang="vi"' in response.content.decode()
    assert "Giỏ hàng" in response.content.decode()


@pytest.mark.django_db
def test_language_switcher_on_every_page_changes_to_english(client):
    make_product(title="Mắm tép Gia Viễn")
    for url in ["/", "/catalogue/", "/basket/"]:
        assert 'id="language_selector"' in client.get(url).content.decode(), url
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/basket/"}, follow=True)
    assert response["Content-Language"] == "en"
    page = response.content.decode()
    assert '<html lang="en"' in page
    assert "<title>Basket | Chợ HTX</title>" in page and "Giỏ hàng" not in page


def test_money_is_vnd_without_decimals():
    assert format_vnd(125000) == "125.000\xa0₫"
    assert format_vnd("1250000.00") == "1.250.000\xa0₫"
    with translation.override("en"):
        rendered = Template("{% load currency_filters %}{{ v|currency:'VND' }}").render(Context({"v": 45000}))
    assert rendered == "45.000\xa0₫"


@pytest.mark.django_db
def test_prices_on_the_catalogue_are_vnd(client):
    make_product(title="Cơm cháy Gia Sinh", price=45000)
    assert "45.000\xa0₫" in client.get("/catalogue/").content.decode()


@pytest.mark.parametrize("language", ["vi", "en"])
def test_dates_are_dd_mm_yyyy(language):
    with translation.override(language):
        assert Template("{{ d|date }}").render(Context({"d": date(2026, 3, 9)})) == "09/03/2026"


def test_slugs_fold_vietnamese_to_ascii():
    assert slugify("Cơm cháy Đồng Nhất") == "com-chay-dong-nhat"
    assert fold("Nước mắm Đồng") == "nuoc mam dong"


@pytest.mark.django_db
def test_a_new_product_gets_an_ascii_url(client):
    product = make_product(title="Cơm cháy Đồng Nhất")
    assert product.get_absolute_url().startswith("/catalogue/com-chay-dong-nhat_")
    assert client.get(product.get_absolute_url()).status_code == 200


@pytest.mark.django_db
def test_adding_to_the_basket_confirms_in_vietnamese(client):
    product = make_product(title="Cơm cháy Gia Sinh", price=45000)
    response = client.post(f"/basket/add/{product.pk}/", {"quantity": 2}, follow=True)
    page = response.content.decode()
    assert "<strong>2</strong> × <strong>Cơm cháy Gia Sinh</strong> vào giỏ hàng" in page
    assert "Tiền hàng trong giỏ" in page and "90.000\xa0₫" in page


@pytest.mark.django_db
def test_cooperative_staff_find_the_seller_centre_from_every_page(client, customer):
    assert "/seller/apply/" in client.get("/catalogue/").content.decode()  # anyone can apply
    assert 'id="seller_link"' not in client.get("/catalogue/").content.decode()
    CooperativeFactory().users.add(customer)
    client.force_login(customer)
    page = client.get("/catalogue/").content.decode()
    assert 'id="seller_link"' in page and 'href="/seller/"' in page
