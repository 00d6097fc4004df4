from datetime import timedelta

import pytest
from django.db.models import F
from django.utils import timezone
from oscar.core.loading import get_model

from marketplace.order.models import SubOrder, SubOrderEvent, SubOrderStatus
from marketplace.reports.periods import month_start
from tests.helpers.orders import place_order, split_order
from tests.seller.conftest import coop_a, coop_b, mixed_order, private_media  # noqa: F401 - fixtures

StockRecord = get_model("partner", "StockRecord")


PRICE = 125000  # the fixtures' product price


def days_into_last_month():
    """Days ago of a day in the previous month (noon), whatever today is."""
    today = timezone.localdate()
    return (today - (month_start(today) - timedelta(days=1))).days


def sell(coop, *, days_ago=0, status=SubOrderStatus.NEW, method="cod", quantity=1, buyer=None, number=None):
    """One sub-order of `coop` for `quantity` of its product, placed `days_ago` days ago at noon
    (shop time), moved to `status` (a "delivered" event two days after placing when delivered)."""
    StockRecord.objects.filter(product=coop.product).update(num_in_stock=F("num_in_stock") + quantity)
    order = place_order(*([coop.product] * quantity), number=number)
    if buyer is not None:
        type(order).objects.filter(pk=order.pk).update(user=buyer)
    (suborder,) = split_order(order, payment_method=method)
    placed = timezone.localtime().replace(hour=12, minute=0, second=0, microsecond=0) - timedelta(
        days=days_ago
    )
    SubOrder.objects.filter(pk=suborder.pk).update(created_at=placed, status=status)
    if status in (SubOrderStatus.DELIVERED, SubOrderStatus.COMPLETED):
        event = SubOrderEvent.objects.create(suborder=suborder, status=SubOrderStatus.DELIVERED)
        SubOrderEvent.objects.filter(pk=event.pk).update(created_at=placed + timedelta(days=2))
    suborder.refresh_from_db()
    return suborder


@pytest.fixture
def seller_client(client, coop_a):  # noqa: F811
    client.force_login(coop_a.user)
    return client
