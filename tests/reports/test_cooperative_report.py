"""The seller centre's "Doanh thu" page: the figures a cooperative sees of its own sales."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from marketplace.reports.selectors import cooperative
from tests.reports.conftest import PRICE, days_into_last_month, sell

pytestmark = pytest.mark.django_db


def test_sales_by_month_compares_this_month_with_the_last(coop_a, coop_b):
    sell(coop_a)
    sell(coop_a, quantity=2)
    sell(coop_a, status="cancelled")  # not counted
    sell(coop_a, days_ago=days_into_last_month())
    sell(coop_b)  # another cooperative: not counted
    chart = cooperative.sales_chart(coop_a.partner, unit="month", today=timezone.localdate())
    assert len(chart.labels) == 12 and chart.labels[-1] == timezone.localdate().strftime("%m/%y")
    assert chart.series["Số đơn"][-2:] == [1, 2]
    assert chart.series["Tiền hàng"][-2:] == [PRICE, 3 * PRICE]
    assert sum(chart.series["Số đơn"]) == 3
    assert chart.summary == "Tháng này bán 2 đơn, nhiều hơn tháng trước 1 đơn."
    assert chart.rows[-1] == [chart.labels[-1], "375.000\xa0₫", "2"]  # the table alternative


def test_sales_by_day_and_week(coop_a):
    sell(coop_a, days_ago=1)
    sell(coop_a, days_ago=1)
    sell(coop_a)
    today = timezone.localdate()
    by_day = cooperative.sales_chart(coop_a.partner, unit="day", today=today)
    assert len(by_day.labels) == 14 and by_day.series["Số đơn"][-2:] == [2, 1]
    assert by_day.summary == "Hôm nay bán 1 đơn, ít hơn hôm qua 1 đơn."
    by_week = cooperative.sales_chart(coop_a.partner, unit="week", today=today)
    assert len(by_week.labels) == 8 and sum(by_week.series["Số đơn"]) == 3


def test_figures_average_order_repeat_buyers_payment_split_and_top_products(
    coop_a, customer, django_user_model
):
    other = django_user_model.objects.create_user(email="binh@example.vn", password="pw-customer-123")
    sell(coop_a, buyer=customer)
    sell(coop_a, buyer=customer, quantity=3, method="vietqr")
    sell(coop_a, buyer=other, status="delivered")
    sell(coop_a, buyer=other, status="cancelled")  # a cancelled order does not make a repeat buyer
    since = timezone.now() - timedelta(days=30)
    figures = cooperative.figures(coop_a.partner, since=since)
    assert (figures.orders, figures.sales, figures.average) == (3, 5 * PRICE, 5 * PRICE // 3)
    assert (figures.cancelled, figures.buyers, figures.repeat_buyers) == (1, 2, 1)
    payments = cooperative.payment_chart(coop_a.partner, since=since)
    assert payments.labels == ["Tiền mặt khi nhận hàng", "Chuyển khoản QR"]
    assert payments.series["Số đơn"] == [2, 1]
    assert payments.series["Tiền hàng"] == [2 * PRICE, 3 * PRICE]
    assert payments.summary == "67% số đơn trả bằng tiền mặt khi nhận hàng."
    statuses = cooperative.status_chart(coop_a.partner, since=since)
    assert dict(zip(statuses.labels, statuses.series["Số đơn"], strict=True)) == {
        "Mới": 2,
        "Đã giao": 1,
        "Đã huỷ": 1,
    }
    assert statuses.summary == "Có 2 đơn mới đang chờ bạn xác nhận."
    (top,) = cooperative.top_products(coop_a.partner, since=since)
    assert (top["title"], top["quantity"], top["sales"]) == (coop_a.product.title, 5, 5 * PRICE)


def test_the_page_draws_charts_without_scripts_and_speaks_plain_vietnamese(client, coop_a):
    sell(coop_a)
    client.force_login(coop_a.user)
    response = client.get(reverse("seller:sales"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Tháng này bán 1 đơn, nhiều hơn tháng trước 1 đơn." in html
    assert html.count('<svg role="img"') == 3 and '<script type="text/javascript">window.pygal' not in html
    assert html.count("Xem bảng số liệu") == 3
    assert "Hai bên không nợ nhau đồng nào." in html  # the ledger's balance
    assert reverse("money:overview") in html
    assert 'href="/seller/sales/"' in html and 'aria-current="page">Doanh thu<' in html  # in the navigation


def test_odd_parameters_fall_back_to_the_defaults(client, coop_a):
    client.force_login(coop_a.user)
    response = client.get(reverse("seller:sales"), {"theo": "<b>", "ky": "-1"})
    assert response.status_code == 200
    assert response.context["unit_key"] == "thang" and response.context["days"] == 30


def count_queries(client, url):
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context)


def test_query_count_stays_flat_as_orders_grow(client, coop_a, customer):
    client.force_login(coop_a.user)
    url = reverse("seller:sales")
    sell(coop_a, buyer=customer)
    client.get(url)  # warm caches (site, translations)
    few = count_queries(client, url)
    for days_ago in range(1, 9):
        sell(coop_a, days_ago=days_ago, status="delivered" if days_ago % 2 else "cancelled", method="vietqr")
    assert count_queries(client, url) == few
