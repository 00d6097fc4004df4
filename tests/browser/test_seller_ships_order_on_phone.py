"""A cooperative's staff member confirms, packs and ships an order from a 360 px wide phone."""

import re

from django.core import mail
from oscar.core.loading import get_model
from playwright.sync_api import expect

from marketplace.order.models import SubOrder
from tests.factories import CooperativeFactory
from tests.helpers.browser import new_order_for, no_sideways_scroll, sign_in

ShippingAddress = get_model("order", "ShippingAddress")


def test_cooperative_confirms_and_ships_an_order_on_a_phone(phone_page, live_shop, django_user_model):
    page = phone_page
    cooperative = CooperativeFactory(name="Hợp tác xã Cơm cháy Gia Sinh")
    suborder = new_order_for(cooperative)
    user = django_user_model.objects.create_user(email="giasinh@example.vn", password="pw-phone-123")
    cooperative.users.add(user)
    sign_in(page, live_shop, user)
    mail.outbox.clear()

    page.goto("/seller/")
    waiting = page.locator(".seller-tile").filter(has_text="đơn hàng mới đang chờ xác nhận")
    expect(waiting).to_contain_text("1")
    waiting.tap()

    expect(page.get_by_role("heading", name="Đơn hàng", level=1)).to_be_visible()
    expect(page.locator('#order-tabs a[aria-current="page"]')).to_contain_text("Mới 1")
    row = page.locator("#seller-orders li").filter(has_text="500001-1")
    expect(row).to_contain_text("Nguyễn Thị Lan")
    expect(row).to_contain_text("90.000 ₫")
    assert no_sideways_scroll(page), "the order list scrolls sideways"
    row.get_by_role("link").tap()

    expect(page.get_by_role("heading", name="Đơn 500001-1", level=1)).to_be_visible()
    call = page.get_by_role("link", name=re.compile("0912 345 678"))
    expect(call).to_have_attribute("href", "tel:+84912345678")
    expect(page.locator("#order-lines")).to_contain_text("Cơm cháy chà bông 200 g × 2")
    confirm = page.get_by_role("button", name="Xác nhận đơn")
    assert confirm.bounding_box()["height"] >= 44 and call.bounding_box()["height"] >= 44
    assert no_sideways_scroll(page), "the order page scrolls sideways"
    confirm.tap()

    expect(page.get_by_text("Đã xác nhận đơn 500001-1.")).to_be_visible()
    expect(page.get_by_role("button", name="Xác nhận đơn")).to_have_count(0)
    page.get_by_role("button", name="Đã đóng gói").tap()

    expect(page.get_by_text("Đơn 500001-1 đã đóng gói xong.")).to_be_visible()
    page.get_by_label("Đơn vị vận chuyển").fill("Viettel Post")
    page.get_by_label("Mã vận đơn").fill("VTP123456")
    ship = page.get_by_role("button", name="Giao cho đơn vị vận chuyển")
    assert ship.bounding_box()["height"] >= 44
    ship.tap()

    expect(page.get_by_text("Đơn 500001-1 đã giao cho đơn vị vận chuyển.")).to_be_visible()
    expect(page.locator("#order-status")).to_contain_text("Đang giao")
    expect(page.locator("#order-shipping")).to_contain_text("Viettel Post — VTP123456")
    expect(page.locator("#cancel-form")).to_have_count(0)  # too late to cancel
    expect(page.get_by_role("button", name="Đã giao và thu tiền")).to_be_visible()
    assert no_sideways_scroll(page)
    assert not page.errors

    suborder = SubOrder.objects.get(pk=suborder.pk)
    assert (suborder.status, suborder.carrier, suborder.tracking_code) == (
        "shipped",
        "Viettel Post",
        "VTP123456",
    )
    assert [m.subject for m in mail.outbox] == [
        "[Chợ HTX] Đơn 500001-1: Đã xác nhận",
        "[Chợ HTX] Đơn 500001-1: Đã đóng gói",
        "[Chợ HTX] Đơn 500001-1: Đang giao",
    ]
