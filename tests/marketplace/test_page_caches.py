"""What pages take from the cache is the same for every visitor and follows the saves that change it."""

import json
import re

import pytest
from django.test import Client
from oscar.core.loading import get_model

from marketplace.catalogue import services as catalogue_services
from marketplace.order.services.stock import stock_allocate
from search import services as search_services
from tests.factories import CooperativeFactory, make_product

StockRecord = get_model("partner", "StockRecord")


def offer_of(html):
    documents = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    product = next(d for d in map(json.loads, documents) if d.get("@type") == "Product")
    return product["offers"]


def header_of(html):
    return html[html.index('<header class="site-header"') : html.index("</header>")]


@pytest.mark.django_db
def test_a_new_price_and_sold_out_stock_show_at_once_in_the_cached_structured_data(client):
    cooperative = CooperativeFactory()
    product = make_product(cooperative, title="Mắm tép Gia Viễn", price=80000, stock=2, sku="MT-1")
    url = product.get_absolute_url()
    assert offer_of(client.get(url).content.decode())["price"] == "80000"  # now cached

    catalogue_services.product_upsert(
        partner=cooperative, sku="MT-1", title="Mắm tép Gia Viễn", price=85000, stock=2
    )
    offer = offer_of(client.get(url).content.decode())
    assert offer["price"] == "85000"
    assert offer["availability"].endswith("InStock")

    # Checkout reserves stock with an UPDATE that fires no signal; its re-index makes the page follow.
    record = StockRecord.objects.get(product=product)
    stock_allocate(stockrecord_id=record.pk, quantity=2, title=product.title)
    search_services.products_reindex(product_ids=[product.pk])
    assert offer_of(client.get(url).content.decode())["availability"].endswith("OutOfStock")


@pytest.mark.django_db
def test_no_visitor_sees_another_visitors_basket_or_name_from_a_cache(client, customer):
    product = make_product(title="Cơm cháy chà bông 200 g", price=45000, stock=20)
    url = product.get_absolute_url()
    client.force_login(customer)
    client.post(f"/basket/add/{product.pk}/", {"quantity": 5})
    signed_in = client.get(url).content.decode()  # fills every cache with this visitor about
    assert "lan@example.vn" in signed_in or "Đăng xuất" in signed_in

    stranger = Client()
    page = stranger.get(url).content.decode()
    assert "lan@example.vn" not in page and "Đăng xuất" not in page
    assert re.search(r'id="cart_count"[^>]*hidden', page)  # no number in anybody's page
    assert "basket_items" not in stranger.cookies
    stranger_basket = stranger.get("/basket/").content.decode()
    assert "Cơm cháy chà bông 200 g" not in stranger_basket
    assert header_of(stranger.get("/catalogue/").content.decode()) == header_of(
        Client().get("/catalogue/").content.decode()
    )
