"""With a read replica configured, GET pages read the catalogue there; writes, POSTs and the basket
stay on the primary. The replica here is a second alias on the same database."""

import pytest
from django.db import connections, router
from django.test.utils import CaptureQueriesContext

from marketplace.core.replica import REPLICA, ReplicaRouter
from tests.factories import make_product


@pytest.fixture
def replica():
    """The router switched on; the replica is the test settings' second alias on the same database."""
    routers = router.routers
    router.routers = [ReplicaRouter()]
    yield connections[REPLICA]
    router.routers = routers


@pytest.mark.django_db(transaction=True, serialized_rollback=True, databases=["default", REPLICA])
def test_catalogue_reads_of_a_get_go_to_the_replica_and_writes_to_the_primary(client, replica):
    product = make_product(title="Cơm cháy chà bông 200 g", price=45000)

    with (
        CaptureQueriesContext(replica) as on_replica,
        CaptureQueriesContext(connections["default"]) as on_primary,
    ):
        page = client.get(product.get_absolute_url())
    assert page.status_code == 200 and "Cơm cháy chà bông 200 g" in page.content.decode()
    assert any("catalogue_product" in q["sql"] for q in on_replica.captured_queries)
    assert not any('FROM "catalogue_product"' in q["sql"] for q in on_primary.captured_queries)

    with CaptureQueriesContext(replica) as on_replica:
        added = client.post(f"/basket/add/{product.pk}/", {"quantity": 2})
    assert added.status_code == 302
    assert on_replica.captured_queries == []  # a POST reads and writes the primary only
    basket = client.get("/basket/").content.decode()
    assert "Cơm cháy chà bông 200 g" in basket


def test_nothing_migrates_on_the_replica():
    assert ReplicaRouter().allow_migrate(REPLICA, "catalogue") is False
    assert ReplicaRouter().allow_migrate("default", "catalogue") is True
    assert ReplicaRouter().db_for_write(object) == "default"
