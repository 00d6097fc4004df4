"""Product lists and product pages cost the same number of queries with 5 or 50 products."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from marketplace.ocop.models import Certificate, Verification
from tests.factories import CooperativeFactory, make_product


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


def queries_for(client, url):
    client.get(url)  # warm up: session, basket, thumbnails
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries)


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
