"""Steps a person takes in Chromium: filling the two-level address, signing in without the form."""

from django.test import Client
from oscar.core.loading import get_model
from playwright.sync_api import expect

from tests.factories import make_product, vietnam
from tests.helpers.orders import place_order, split_order

GUEST_EMAIL = "an@example.vn"


SHIPPING_ADDRESS = {
    "Họ và tên người nhận": "Nguyễn Văn An",
    "Số nhà, đường, thôn/xóm": "Số 5 đường Tràng An",
    "Số điện thoại": "0912 345 678",
    "Ghi chú giao hàng": "Gọi trước khi giao",
}


PROVINCE, COMMUNE = "Ninh Bình", "Phường Hoa Lư"

ShippingAddress = get_model("order", "ShippingAddress")


def fill_shipping_address(page):
    """The province from the 34, then a commune of it: the commune list is filled for the province."""
    page.get_by_label("Tỉnh/thành phố").select_option(label="Hà Nội")
    expect(page.get_by_label("Xã/phường").locator("option", has_text="Phường Hoàn Kiếm")).to_be_attached()
    page.get_by_label("Tỉnh/thành phố").select_option(label=PROVINCE)
    commune = page.get_by_label("Xã/phường")
    expect(commune.locator("option", has_text=COMMUNE)).to_be_attached()
    expect(commune.locator("option", has_text="Phường Hoàn Kiếm")).not_to_be_attached()
    commune.select_option(label=COMMUNE)
    for label, value in SHIPPING_ADDRESS.items():
        page.get_by_label(label).fill(value)


COOPERATIVES = {
    "Cơm cháy chà bông 200 g": "Hợp tác xã Cơm cháy Gia Sinh",
    "Mắm tép Gia Viễn 500 g": "Hợp tác xã Mắm tép Gia Viễn",
}


def sign_in(page, live_shop, user):
    client = Client()
    client.force_login(user)
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_shop}]
    )


def new_order_for(cooperative):
    product = make_product(cooperative, title="Cơm cháy chà bông 200 g", price=45000, stock=5)
    order = place_order(product, product, number="500001")
    order.shipping_address = ShippingAddress.objects.create(
        first_name="Nguyễn Thị Lan",
        line1="Thôn Tập Ninh",
        line4="Xã Gia Viễn",
        state="Ninh Bình",
        country=vietnam(),
        phone_number="+84912345678",
    )
    order.guest_email = "lan@example.vn"
    order.save()
    (suborder,) = split_order(order)
    return suborder


def no_sideways_scroll(page):
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
