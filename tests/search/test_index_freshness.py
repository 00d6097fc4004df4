"""Saves enqueue index updates after commit: products, stock, cooperatives, certificates."""

from search.backends import database
from search.models import ProductIndex
from search.query import SearchQuery
from tests.search.conftest import certify


def found(text):
    return database.search(SearchQuery(text=text)).ids


def test_nothing_is_enqueued_before_commit(floor, django_capture_on_commit_callbacks):
    product = floor["products"]["com_chay"]
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        product.title = "Cơm cháy ruốc"
        product.save()
    assert len(callbacks) == 1
    assert found("ruoc") == []  # not yet
    callbacks[0]()
    assert found("ruoc") == [product.pk]


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
    assert len(callbacks) == 1
