"""Every shop page costs a fixed number of queries: at most 15, none repeated, the same with a few or
many products, cooperatives, basket lines and stories."""

import collections
from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
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
