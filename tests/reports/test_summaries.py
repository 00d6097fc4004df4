"""The monthly summary tables the alliance's analytics read: what a refresh writes, and that it
keeps up with sub-orders that change."""

from datetime import timedelta

import pytest
from django.utils import timezone

from marketplace.order.models import SubOrder
from marketplace.reports import services
from marketplace.reports.models import CooperativeMonth, CooperativeMonthGroup
from marketplace.reports.periods import month_start
from tests.reports.conftest import PRICE, days_into_last_month, sell

pytestmark = pytest.mark.django_db


def row(coop, month):
    return CooperativeMonth.objects.get(partner=coop.partner, month=month)


def test_a_refresh_sums_each_cooperative_month(coop_a, coop_b):
    this_month = month_start(timezone.localdate())
    sell(coop_a, status="delivered")
    sell(coop_a, quantity=2, method="vietqr")
    sell(coop_a, method="stripe", status="cancelled")
    old = sell(coop_a, days_ago=days_into_last_month())
    sell(coop_b, quantity=3)
    months = services.summaries_refresh_changed()
    assert months == sorted(
        {month_start(old.created_at.astimezone(timezone.get_default_timezone()).date()), this_month}
    )
    a = row(coop_a, this_month)
    assert (a.orders, a.cancelled, a.gmv) == (3, 1, 3 * PRICE)
    assert (a.cod_orders, a.cod_gmv, a.vietqr_orders, a.vietqr_gmv, a.card_orders) == (
        1,
        PRICE,
        1,
        2 * PRICE,
        0,
    )
    assert (a.delivered, a.delivery_seconds) == (1, 2 * 86400)  # delivered two days after placing
    assert row(coop_b, this_month).gmv == 3 * PRICE
    assert row(coop_a, month_start(old.created_at.date())).orders == 1
    # OCOP: the fixtures' products carry a verified 4★ certificate of subgroup I.3b.
    group = CooperativeMonthGroup.objects.get(partner=coop_a.partner, month=this_month)
    assert (group.group, group.stars, group.gmv, group.quantity) == ("I", 4, 3 * PRICE, 3)


def test_the_refresh_keeps_up_with_changed_sub_orders_only(coop_a):
    this_month = month_start(timezone.localdate())
    suborder = sell(coop_a)
    SubOrder.objects.filter(pk=suborder.pk).update(updated_at=timezone.now() - timedelta(hours=1))
    assert services.summaries_refresh_changed() == [this_month]  # the first run: every month
    assert services.summaries_refresh_changed() == []  # nothing changed since
    suborder.status = "cancelled"
    suborder.save()  # as the order services do: updated_at moves
    assert services.summaries_refresh_changed() == [this_month]
    assert (
        row(coop_a, this_month).orders,
        row(coop_a, this_month).cancelled,
        row(coop_a, this_month).gmv,
    ) == (1, 1, 0)


def test_running_twice_writes_the_same_rows(coop_a, coop_b):
    sell(coop_a)
    sell(coop_b, status="delivered")

    def rows():
        return sorted(
            CooperativeMonth.objects.values_list("partner_id", "month", "orders", "gmv", "delivered")
        )

    services.summaries_rebuild()
    first = rows()
    services.summaries_rebuild()
    services.summaries_refresh_recent()
    assert rows() == first and len(first) == 2
    SubOrder.objects.all().delete()
    services.summaries_rebuild()  # a month without sub-orders any more loses its rows
    assert rows() == []


def test_the_task_refreshes(coop_a):
    from marketplace.reports.tasks import summaries_refresh_changed

    sell(coop_a)
    assert summaries_refresh_changed() == 1
    assert CooperativeMonth.objects.filter(partner=coop_a.partner).exists()
