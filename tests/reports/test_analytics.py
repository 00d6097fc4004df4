"""The alliance's analytics in /dashboard/: figures from the summaries, filters, the Excel file."""

import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from marketplace.partner.models import Status
from marketplace.reports import services
from marketplace.reports.periods import add_months, month_start
from marketplace.reports.selectors import alliance
from tests.factories import CooperativeFactory
from tests.reports.conftest import PRICE, sell

pytestmark = pytest.mark.django_db


@pytest.fixture
def sales(coop_a, coop_b):
    coop_b.partner.area = "ha_nam"
    coop_b.partner.bank_bin = ""
    coop_b.partner.save()
    CooperativeFactory(name="HTX Chờ duyệt", status=Status.APPLIED, area="nam_dinh")
    sell(coop_a, status="delivered")
    sell(coop_a, quantity=2, method="vietqr")
    sell(coop_a, status="cancelled")
    sell(coop_b, quantity=4, method="stripe")
    services.summaries_refresh_changed()


def test_sales_figures_and_adoption(sales, coop_a, coop_b):
    data = alliance.analytics(alliance.Filters.default())
    total = data["total"]
    assert (total.orders, total.cancelled, total.gmv) == (4, 1, 7 * PRICE)
    assert (
        total.cancellation_rate == 25.0
        and total.delivery_days == 2.0
        and total.average_order == 7 * PRICE // 3
    )
    assert total.methods == {"cod": (1, PRICE), "vietqr": (1, 2 * PRICE), "stripe": (1, 4 * PRICE)}
    assert data["gmv_chart"].series["GMV"][-1] == 7 * PRICE and data["gmv_chart"].series["Số đơn"][-1] == 3
    assert [(row["name"], row["gmv"]) for row in data["top"]] == [
        (coop_b.partner.name, 4 * PRICE),
        (coop_a.partner.name, 3 * PRICE),
    ]
    assert data["by_group"] == [{"group": "I", "stars": 4, "gmv": 7 * PRICE, "quantity": 7}]
    adoption = {row["area"]: row for row in data["adoption"]}
    assert adoption["Ninh Bình (cũ)"] == {
        "area": "Ninh Bình (cũ)",
        "total": 1,
        "applied": 0,
        "approved": 1,
        "on_sale": 1,
        "bank": 1,
        "ocop": 1,
        "active": 1,
    }
    assert adoption["Hà Nam (cũ)"]["bank"] == 0 and adoption["Nam Định (cũ)"]["applied"] == 1
    last = data["adoption_months"][-1]
    assert last["selling"] == 2 and last["approved"] == 2


def test_the_area_filter(sales, coop_a):
    data = alliance.analytics(
        alliance.Filters(**{**alliance.Filters.default().__dict__, "area": "ninh_binh"})
    )
    assert data["total"].gmv == 3 * PRICE
    assert [row["area"] for row in data["adoption"]] == ["Ninh Bình (cũ)"]


def test_the_page_is_for_alliance_staff_only(client, sales, coop_a, staff_user):
    url = reverse("analytics:overview")
    client.force_login(coop_a.user)
    assert client.get(url).status_code in {302, 403}
    client.force_login(staff_user)
    html = client.get(url).content.decode()
    assert "Số liệu của sàn" in html and "875.000\xa0₫" in html and "25,0%" in html
    assert html.count('<svg role="img"') == 3


def test_bad_filters_get_a_message_not_an_error(client, staff_user):
    client.force_login(staff_user)
    response = client.get(reverse("analytics:overview"), {"first": "2026-13", "last": "abc", "area": "x"})
    assert response.status_code == 200
    assert "Nhập tháng theo dạng MM/YYYY" in response.content.decode()
    this_month = month_start(timezone.localdate())
    response = client.get(
        reverse("analytics:overview"),
        {"first": this_month.strftime("%Y-%m"), "last": add_months(this_month, -2).strftime("%Y-%m")},
    )
    assert "Tháng bắt đầu phải trước hoặc bằng tháng kết thúc." in response.content.decode()


def test_the_excel_file_holds_the_page_figures(client, sales, coop_a, coop_b, staff_user):
    client.force_login(staff_user)
    response = client.get(reverse("analytics:export"), {"area": ""})
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    book = load_workbook(io.BytesIO(response.content))
    assert book.sheetnames[:4] == ["Tổng quan", "Mức độ tham gia", "Tham gia theo tháng", "Theo tháng"]
    summary = {row[0]: row[1] for row in book["Tổng quan"].iter_rows(values_only=True)}
    assert summary["GMV (đồng)"] == 7 * PRICE and summary["Số đơn"] == 4 and summary["Tỉ lệ huỷ (%)"] == 25.0
    months = list(book["Theo tháng"].iter_rows(values_only=True))
    assert months[0] == ("Tháng", "Số đơn", "Đơn bị huỷ", "GMV (đồng)") and months[-1][1:] == (
        4,
        1,
        7 * PRICE,
    )
    top = list(book["Bán nhiều nhất"].iter_rows(values_only=True))
    assert top[1] == (coop_b.partner.name, "Hà Nam (cũ)", 1, 4 * PRICE)
    assert book["Theo tháng"]["D2"].number_format == "#,##0"


def test_query_count_stays_flat_as_orders_grow(client, coop_a, coop_b, staff_user):
    client.force_login(staff_user)
    url = reverse("analytics:overview")
    sell(coop_a)
    services.summaries_refresh_changed()
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for days_ago in (1, 2, 40, 70):
        sell(coop_b, days_ago=days_ago, status="delivered")
        CooperativeFactory(name=f"HTX mới {days_ago}")
    services.summaries_refresh_changed()
    with CaptureQueriesContext(connection) as more:
        client.get(url)
    assert len(more) == len(few)
