"""Saves rewrite the database index rows at once and enqueue the Elasticsearch update after commit:
products, stock, cooperatives, certificates."""

import pytest

from search.backends import database
from search.models import ProductIndex
from search.query import SearchQuery
from tests.search.conftest import certify


def found(text):
    return database.search(SearchQuery(text=text)).ids


def test_database_row_at_once_elasticsearch_after_commit(floor, fake_es, django_capture_on_commit_callbacks):
    product = floor["products"]["com_chay"]
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        product.title = "Cơm cháy ruốc"
        product.save()
    assert found("ruoc") == [product.pk]  # the database row: same transaction
    assert callbacks  # the Elasticsearch update waits for the commit
    assert not [path for __, path, __ in fake_es.requests if "/_bulk" in path]  # not yet
    for callback in callbacks:
        callback()
    bulk = [body for __, path, body in fake_es.requests if "/_bulk" in path]
    assert bulk and "Cơm cháy ruốc" in bulk[0].decode()


def test_a_rolled_back_change_leaves_the_index_alone(floor):
    from django.db import transaction

    product = floor["products"]["com_chay"]
    with pytest.raises(RuntimeError), transaction.atomic():
        product.title = "Cơm cháy ruốc"
        product.save()
        raise RuntimeError("the seller's form failed further on")
    assert product.pk not in found("ruoc")  # ("ruoc" is one letter from "nuoc": nước mắm is found)
    assert found("cha bong") == [product.pk]


def test_renaming_a_product_reindexes_it(floor, django_capture_on_commit_callbacks):
    product = floor["products"]["trong_dong"]
    with django_capture_on_commit_callbacks(execute=True):
        product.title = "Trống đồng Đông Sơn"
        product.save()
    assert found("dong son") == [product.pk]


def test_suspending_and_approving_a_cooperative(floor, django_capture_on_commit_callbacks):
    from marketplace.partner.models import Status

    cooperative = floor["coops"]["hai_hau"]
    with django_capture_on_commit_callbacks(execute=True):
        cooperative.status = Status.SUSPENDED
        cooperative.save()
    assert found("nuoc mam") == []
    assert not ProductIndex.objects.filter(product=floor["products"]["nuoc_mam"]).exists()
    with django_capture_on_commit_callbacks(execute=True):
        cooperative.status = Status.APPROVED
        cooperative.save()
    assert found("nuoc mam") == [floor["products"]["nuoc_mam"].pk]


def test_a_new_certificate_reindexes_its_products(floor, django_capture_on_commit_callbacks):
    product = floor["products"]["trong_dong"]
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        certify(product, 5)
    assert callbacks
    stars = {f.value: f.count for f in database.search(SearchQuery()).facets["stars"]}
    assert stars == {"5": 1, "4": 1, "3": 1}


def test_stock_change_enqueues_the_product(floor, django_capture_on_commit_callbacks):
    record = floor["products"]["nuoc_mam"].stockrecords.first()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        record.num_in_stock = 50
        record.save()
    # One enqueue through the outbox (the other callback makes cached pages stale).
    assert [c.__qualname__.split(".")[0] for c in callbacks].count("outbox_add") == 1


def _indexed_stars(fake) -> dict[int, list[int]]:
    """Product id -> the `stars` of the documents sent to Elasticsearch in bulk requests."""
    import json

    sent = {}
    for __, path, body in fake.requests:
        if "/_bulk" not in path:
            continue
        lines = [json.loads(line) for line in body.decode().splitlines() if line.strip()]
        for action, source in zip(lines[::2], lines[1::2], strict=False):
            if "index" in action:
                sent[int(action["index"]["_id"])] = source["stars"]
    return sent


@pytest.fixture
def fake_es(settings):
    from search.backends import elasticsearch as es

    from .fake_elasticsearch import FakeElasticsearch

    es.reset()
    with FakeElasticsearch(alias_on=["chohtx-products-v1-1"]) as fake:
        settings.ELASTICSEARCH_URL = fake.url
        yield fake
    es.reset()


def test_clearing_a_certificates_products_reindexes_them(floor, fake_es, django_capture_on_commit_callbacks):
    com_chay, trong_dong = floor["products"]["com_chay"], floor["products"]["trong_dong"]
    certificate = com_chay.ocop_certificates.get()
    with django_capture_on_commit_callbacks(execute=True):
        certificate.products.add(trong_dong)
    assert _indexed_stars(fake_es) == {trong_dong.pk: [4]}
    fake_es.requests.clear()
    with django_capture_on_commit_callbacks(execute=True):
        certificate.products.clear()  # post_clear has no pk_set: the ids are taken on pre_clear
    assert _indexed_stars(fake_es) == {com_chay.pk: [], trong_dong.pk: []}


def test_clearing_a_products_certificates_reindexes_it(floor, fake_es, django_capture_on_commit_callbacks):
    nuoc_mam = floor["products"]["nuoc_mam"]
    with django_capture_on_commit_callbacks(execute=True):
        nuoc_mam.ocop_certificates.clear()
    assert _indexed_stars(fake_es) == {nuoc_mam.pk: []}


def test_stock_and_price_changes_reach_the_facets_after_commit(floor, django_capture_on_commit_callbacks):
    nuoc_mam = floor["products"]["nuoc_mam"]
    record = nuoc_mam.stockrecords.first()
    with django_capture_on_commit_callbacks(execute=True):
        record.num_in_stock = 50
        record.price = 40_000
        record.save()
    in_stock = database.search(SearchQuery(filters={"stock": ("1",)}))
    assert nuoc_mam.pk in in_stock.ids
    cheap = database.search(SearchQuery(filters={"price": ("0-50000",)}))
    assert nuoc_mam.pk in cheap.ids
    assert {f.value: f.count for f in cheap.facets["stock"]} == {"1": 3}  # cơm cháy, đường phèn, nước mắm
