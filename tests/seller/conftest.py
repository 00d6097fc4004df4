import pytest

from tests.helpers.orders import place_order, split_order
from tests.helpers.seller import Cooperative


@pytest.fixture(autouse=True)
def private_media(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    return settings.PRIVATE_MEDIA_ROOT


@pytest.fixture
def coop_a(db, django_user_model):
    return Cooperative("HTX Cơm cháy An Khánh", "a@htx.vn", django_user_model)


@pytest.fixture
def coop_b(db, django_user_model):
    return Cooperative("HTX Mắm tép Bình Minh", "b@htx.vn", django_user_model)


@pytest.fixture
def mixed_order(coop_a, coop_b):
    """One order with a line from each cooperative, split into one sub-order each
    (`coop_a.suborder`, `coop_b.suborder`)."""
    order = place_order(coop_a.product, coop_b.product, number="100001")
    coop_a.suborder, coop_b.suborder = split_order(order)
    return order
