"""Oscar's own order pages know about sub-orders: the buyer's /accounts/orders/ links to the
per-cooperative timeline at /orders/, and alliance staff see each cooperative's part in /dashboard/."""

import pytest
from oscar.core.loading import get_model

from marketplace.order import services

Order = get_model("order", "Order")


@pytest.mark.django_db
def test_account_order_history_links_to_the_per_cooperative_timeline(client, order):
    history = client.get("/accounts/orders/").content.decode()
    link = f'href="/orders/{order.number}/"'
    assert link in history and "Xem tiến độ từng hợp tác xã" in history
    assert link in client.get(f"/accounts/orders/{order.number}/").content.decode()
    # … and the link lands on that order's timeline.
    timeline = client.get(f"/orders/{order.number}/").content.decode()
    assert f'id="order-{order.number}"' in timeline and "Hợp tác xã Mắm tép Gia Viễn" in timeline


@pytest.mark.django_db
def test_an_order_timeline_is_shown_only_to_its_buyer(client, order, django_user_model):
    """The order number alone (it is printed on parcels) must not open the order's page."""
    assert client.get(f"/orders/{order.number}/").status_code == 200
    stranger = django_user_model.objects.create_user(email="nguoila@example.com", password="x")
    client.force_login(stranger)
    assert client.get(f"/orders/{order.number}/").status_code == 404
    client.logout()
    assert client.get(f"/orders/{order.number}/").status_code == 404
    assert client.get("/orders/99999999/").status_code == 404


@pytest.mark.django_db
def test_dashboard_order_page_lists_the_sub_orders(client, order, staff_user):
    rice, paste = order.suborders.order_by("number")
    services.suborder_confirm(suborder_id=rice.pk)
    services.suborder_ship(suborder_id=rice.pk, carrier="Viettel Post", tracking_code="VTP42")
    services.suborder_cancel(suborder_id=paste.pk, reason="Hết hàng")
    client.force_login(staff_user)
    html = client.get(f"/dashboard/orders/{order.number}/").content.decode()
    table = html[html.index('id="order-suborders"') :]
    table = table[: table.index("</table>")]
    rows = table.split("<tr>")[2:]
    assert len(rows) == 2
    assert rice.number in rows[0] and "Hợp tác xã Cơm cháy Gia Sinh" in rows[0]
    assert "Đang giao" in rows[0] and "Viettel Post — VTP42" in rows[0]
    assert "Thu tiền khi giao (COD)" in rows[0] and "Chưa thanh toán" in rows[0]
    assert "90.000\xa0₫" in rows[0]
    assert paste.number in rows[1] and "Đã huỷ — Hết hàng" in rows[1] and "Không thu" in rows[1]
