from datetime import timedelta

import pytest
from django.utils import timezone

from marketplace.preorders import services
from tests.factories import CooperativeFactory, bank_account_for, make_product
from tests.payments.conftest import localstripe, localstripe_url, stripe_on  # noqa: F401  (card deposits)


@pytest.fixture
def today():
    return timezone.localdate()


@pytest.fixture
def rice_coop(db):
    partner = CooperativeFactory(name="Hợp tác xã Nông nghiệp Hải Hậu", email="hai-hau@example.vn")
    bank_account_for(partner, holder="HTX NONG NGHIEP HAI HAU")
    return partner


@pytest.fixture
def rice(rice_coop):
    """Hải Hậu rice after the harvest: 2 bags in stock from last season, none of the new one yet."""
    return make_product(rice_coop, title="Gạo Hải Hậu vụ mùa 5 kg", price=150000, stock=2)


@pytest.fixture
def rice_offer(rice_coop, rice, today):
    """Open now, delivered 15/01–20/01 of next year, 10 bags, a 30% deposit."""
    return services.offer_save(
        partner=rice_coop,
        product=rice,
        order_from=today - timedelta(days=1),
        order_until=today + timedelta(days=10),
        deliver_from=today.replace(year=today.year + 1, month=1, day=15),
        deliver_until=today.replace(year=today.year + 1, month=1, day=20),
        cap=10,
        deposit_kind="percent",
        deposit_value=30,
    )
