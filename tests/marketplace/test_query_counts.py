"""Every shop page costs a fixed number of queries: at most 15, none repeated, the same with a few or
many products, cooperatives, basket lines and stories."""

import collections
from datetime import date
from decimal import Decimal

import pytest
from django.contrib.messages import get_messages
from django.db import connection
from django.test.utils import CaptureQueriesContext
from oscar.templatetags.currency_filters import currency
from oscar.test.factories import create_offer
from wagtail.models import Site

from cms.models import StoryIndexPage
from marketplace.catalogue import services as catalogue_services
from marketplace.ocop.models import Certificate, Verification
from tests.factories import CooperativeFactory, make_product
from tests.helpers.cms import add_page, add_story

MAX_QUERIES = 15


def grow_catalogue_to(count):
    from marketplace.catalogue.models import Product

    cooperatives = [CooperativeFactory() for __ in range(3)]
    created = []
    while Product.objects.count() < count:
        partner = cooperatives[Product.objects.count() % 3]
        product = make_product(partner, image=True)
        created.append(product)
        if len(created) % 2:
            certificate = Certificate.objects.create(
                partner=partner,
                stars=4,
                decision_number=f"QD-{product.pk}",
                signed_on=date(2025, 1, 10),
                issuer="UBND tỉnh Ninh Bình",
                status=Verification.VERIFIED,
            )
            certificate.products.add(product)
    return created


def captured(client, url):
    client.get(url)  # warm up: session, thumbnails, cached menus and footer
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200, url
    return [query["sql"] for query in context.captured_queries]


def queries_for(client, url):
    return len(captured(client, url))


def repeated(queries):
    return {sql: n for sql, n in collections.Counter(queries).items() if n > 1}


@pytest.mark.django_db
def test_catalogue_query_count_does_not_grow_with_products(client, settings):
    settings.OSCAR_PRODUCTS_PER_PAGE = 100
    grow_catalogue_to(5)
    few = queries_for(client, "/catalogue/")
    grow_catalogue_to(50)
    many = queries_for(client, "/catalogue/")
    page = client.get("/catalogue/").content.decode()
    assert page.count('class="product_pod') == 50
    assert many == few


@pytest.mark.django_db
def test_product_page_query_count_does_not_grow_with_products(client):
    first = grow_catalogue_to(5)[0]
    few = queries_for(client, first.get_absolute_url())
    grow_catalogue_to(50)
    many = queries_for(client, first.get_absolute_url())
    assert many == few


class Shop:
    """A shop that grows: products in one category, cooperatives, stories about the first product
    and its cooperative, lines in the visitor's basket."""

    def __init__(self, client):
        self.client = client
        home = Site.objects.get(is_default_site=True).root_page.specific
        self.stories = add_page(home, StoryIndexPage(title="Câu chuyện OCOP", slug="stories"))
        group = catalogue_services.category_ensure(code="I", name="Thực phẩm")
        self.category = catalogue_services.category_ensure(code="I.1", name="Cơm cháy", parent=group)
        self.cooperative = CooperativeFactory(name="Hợp tác xã Cơm cháy Gia Sinh")
        self.products = []
        self.grow(products=2, cooperatives=1, stories=1, lines=1)

    def grow(self, *, products, cooperatives, stories, lines):
        for __ in range(cooperatives):
            make_product(CooperativeFactory(), title="Cơm cháy của hợp tác xã khác", category=self.category)
        for __ in range(products):
            product = make_product(
                self.cooperative, title="Cơm cháy chà bông", image=True, category=self.category
            )
            self.products.append(product)
        for n in range(stories):
            add_story(
                self.stories,
                title=f"Cơm cháy Gia Sinh, chuyện số {len(self.products)}-{n}",
                products=[self.products[0]],
                cooperatives=[self.cooperative],
                day=date(2026, 10, 1 + n),
            )
        in_basket = {line.product_id for line in self.basket_lines()}
        for product in [p for p in self.products if p.pk not in in_basket][:lines]:
            self.client.post(f"/basket/add/{product.pk}/", {"quantity": 1})

    def basket_lines(self):
        from oscar.core.loading import get_model

        return get_model("basket", "Line").objects.filter(basket__status="Open")

    def pages(self):
        return {
            "home": "/",
            "catalogue": "/catalogue/",
            "category": self.category.get_absolute_url(),
            "search": "/search/?q=com+chay",
            "search with a typo": "/search/?q=com+chayy",
            "product": self.products[0].get_absolute_url(),
            "storefront": f"/cooperatives/{self.cooperative.code}/",
            "cooperative directory": "/cooperatives/",
            "story index": "/stories/",
            "basket": "/basket/",
        }


@pytest.mark.django_db
def test_every_shop_page_costs_a_few_queries_none_repeated_whatever_the_size_of_the_shop(client):
    shop = Shop(client)
    small = {name: captured(client, url) for name, url in shop.pages().items()}
    shop.grow(products=6, cooperatives=4, stories=4, lines=3)
    assert shop.basket_lines().count() == 4
    large = {name: captured(client, url) for name, url in shop.pages().items()}

    # page: (queries with a small shop, with a larger one, repeated queries)
    report = {name: (len(small[name]), len(large[name]), len(repeated(large[name]))) for name in small}
    print("queries per page (small shop, larger shop, repeated):", report)
    too_many = {name: counts for name, counts in report.items() if counts[1] > MAX_QUERIES}
    growing = {name: counts for name, counts in report.items() if counts[0] != counts[1]}
    with_repeats = {name: repeated(large[name]) for name, counts in report.items() if counts[2]}
    assert not too_many, report
    assert not growing, report
    assert not with_repeats, (report, with_repeats)


MAX_ADD_TO_BASKET_QUERIES = 15


def add_to_basket(client, product, quantity=1):
    with CaptureQueriesContext(connection) as context:
        response = client.post(f"/basket/add/{product.pk}/", {"quantity": quantity})
    assert response.status_code == 302
    shown = [str(message) for message in get_messages(response.wsgi_request)]  # the page shows them all
    return [query["sql"] for query in context.captured_queries], shown


def shows_total(shown, amount):
    total = f'Tiền hàng trong giỏ: <strong class="price">{currency(Decimal(amount), "VND")}</strong>'
    return total in shown[-1]  # the latest message


@pytest.mark.django_db
def test_adding_to_the_basket_costs_a_few_queries_whatever_the_number_of_lines(client):
    cooperative = CooperativeFactory()
    products = [make_product(cooperative, title=f"Cơm cháy số {n}", image=True) for n in range(11)]

    first, shown = add_to_basket(client, products[0])
    assert any("<strong>Cơm cháy số 0</strong> đã được thêm vào giỏ hàng." in m for m in shown), shown
    assert shows_total(shown, 125000)
    again, shown = add_to_basket(client, products[0])
    assert shows_total(shown, 250000)
    second, __ = add_to_basket(client, products[1])
    for product in products[2:9]:
        add_to_basket(client, product)
    again_with_nine_lines, shown = add_to_basket(client, products[1], quantity=2)
    assert shows_total(shown, 125000 * 12)
    tenth_line, shown = add_to_basket(client, products[9])
    assert shows_total(shown, 125000 * 13)

    report = {
        "first add (new basket)": len(first),
        "same product again": len(again),
        "second product": len(second),
        "same product again, 9 lines": len(again_with_nine_lines),
        "tenth product": len(tenth_line),
    }
    print("queries per add to basket:", report)
    assert max(report.values()) <= MAX_ADD_TO_BASKET_QUERIES, report
    assert len(tenth_line) == len(second), report
    assert len(again_with_nine_lines) == len(again), report
    assert not repeated(tenth_line), repeated(tenth_line)
    assert not any("analytics" in sql for sql in tenth_line), "no counter written on a POST"
    assert "Cơm cháy số 9" in client.get("/basket/").content.decode()


@pytest.mark.django_db
def test_an_offer_saved_is_applied_at_once_with_its_message(client):
    product = make_product(CooperativeFactory(), title="Cơm cháy chà bông")
    __, shown = add_to_basket(client, product)
    assert shows_total(shown, 125000) and not any("ưu đãi" in m for m in shown)

    create_offer(name="Giảm 20% mùa lúa mới")  # every product, 20% off from the first one
    client.cookies.clear()  # a new visitor, a new basket
    __, shown = add_to_basket(client, product)
    assert any("được hưởng ưu đãi <strong>Giảm 20% mùa lúa mới</strong>" in m for m in shown), shown
    assert shows_total(shown, 100000)
