"""A cooperative selling boxes of cơm cháy with price tiers, and a carton of rice sold only in
quantity, built through the wholesale services as the seller centre builds them."""

import pytest

from marketplace.wholesale import services
from tests.factories import CooperativeFactory, make_product


@pytest.fixture
def coop(db):
    return CooperativeFactory(name="Hợp tác xã Cơm cháy Gia Sinh")


@pytest.fixture
def tiered(coop):
    """48.000 ₫ a box; from 10 boxes 40.000 ₫, from 50 boxes 36.000 ₫."""
    product = make_product(coop, title="Cơm cháy chà bông hộp 200 g", price=48000, stock=500)
    services.wholesale_terms_save(
        product=product, base_price=48000, min_order_quantity=1, tiers=[(10, 40000), (50, 36000)]
    )
    return product


@pytest.fixture
def wholesale_only(coop):
    """Sold by the sack: at least 20 sacks a line."""
    product = make_product(coop, title="Gạo Hải Hậu bao 25 kg", price=500000, stock=300)
    services.wholesale_terms_save(product=product, base_price=500000, min_order_quantity=20, tiers=[])
    return product


@pytest.fixture
def buyer(db, django_user_model):
    return django_user_model.objects.create_user(email="muasi@congty.vn", password="pw-buyer-123")


@pytest.fixture
def other_buyer(db, django_user_model):
    return django_user_model.objects.create_user(email="khac@example.vn", password="pw-other-123")
