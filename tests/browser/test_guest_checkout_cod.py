"""A guest buys from two cooperatives and pays cash on delivery, clicking through Chromium as a person would.

The same journey through Django's test client is tests/marketplace/test_checkout_cod.py.
"""

import re

from oscar.core.loading import get_model
from playwright.sync_api import expect

from tests.helpers.browser import COMMUNE, COOPERATIVES, GUEST_EMAIL, PROVINCE, fill_shipping_address

Order = get_model("order", "Order")


def test_guest_pays_cash_on_delivery_for_two_cooperatives(page, country_vn, two_cooperatives, mailoutbox):
    # The catalogue shows products of two cooperatives; one of each goes into the basket.
    page.goto("/catalogue/")
    expect(page.get_by_role("heading", name="Tất cả sản phẩm", level=1)).to_be_visible()
    for title, cooperative in COOPERATIVES.items():
        card = page.get_by_role("article").filter(has=page.get_by_role("heading", name=title))
        expect(card).to_contain_text(cooperative)
        card.get_by_role("button", name="Thêm vào giỏ").click()
        expect(page.get_by_text(f"{title} đã được thêm vào giỏ hàng")).to_be_visible()

    page.get_by_role("link", name="Xem giỏ hàng").first.click()
    expect(page).to_have_url(re.compile(r"/basket/$"))
    for title in COOPERATIVES:
        expect(page.get_by_role("heading", name=title, level=3)).to_be_visible()
    expect(page.get_by_test_id("checkout-total")).to_have_text("125.000 ₫")
    expect(page.get_by_label(re.compile("^Số lượng Cơm cháy chà bông"))).to_have_value("1")

    # Guest checkout with an email address.
    page.get_by_role("link", name="Mua hàng").click()
    expect(page.get_by_role("heading", name="Thông tin liên hệ")).to_be_visible()
    expect(page.get_by_test_id("checkout-total")).to_have_text("125.000 ₫")
    page.get_by_label("Email của bạn").fill(GUEST_EMAIL)
    page.get_by_role("radio", name=re.compile(r"thanh toán như là một khách|không cần tài khoản")).check()
    page.get_by_role("button", name="Tiếp tục").click()

    # A Vietnamese shipping address.
    expect(page.get_by_role("heading", name="Địa chỉ nhận hàng", level=1)).to_be_visible()
    fill_shipping_address(page)
    page.get_by_role("button", name="Tiếp tục").click()

    # Cash on delivery.
    expect(page.get_by_role("heading", name="Phương thức thanh toán", level=1)).to_be_visible()
    expect(page.get_by_test_id("checkout-total")).to_have_text("125.000 ₫")
    page.get_by_role("radio", name=re.compile(re.escape("Thanh toán khi nhận hàng (COD)"))).check()
    page.get_by_role("button", name="Tiếp tục").click()

    # The preview repeats what the guest chose; the guest places the order.
    expect(page.get_by_role("heading", name="Xác nhận đơn hàng", level=1)).to_be_visible()
    expect(page.locator("#chosen-payment-method")).to_have_text("Thanh toán khi nhận hàng (COD)")
    expect(page.get_by_text(GUEST_EMAIL)).to_be_visible()
    page.get_by_label("Tôi đã đọc và đồng ý với Quy chế hoạt động").check()
    page.get_by_role("button", name="Đặt hàng").click()

    expect(page).to_have_url(re.compile(r"/checkout/thank-you/$"))
    order = Order.objects.get()
    expect(page.locator("body")).to_contain_text(order.number)
    assert order.total_incl_tax == 125000
    assert {line.partner_name for line in order.lines.all()} == set(COOPERATIVES.values())
    assert order.shipping_address.phone_number.as_e164 == "+84912345678"
    assert (order.shipping_address.line4, order.shipping_address.state) == (COMMUNE, PROVINCE)

    assert len(mailoutbox) == 1
    message = mailoutbox[0]
    assert message.to == [GUEST_EMAIL]
    assert order.number in message.subject + message.body
