"""A guest buys from two cooperatives and pays each by VietQR transfer, clicking through Chromium:
the thank-you page shows one QR code per cooperative with its account details."""

import re

from oscar.core.loading import get_model
from playwright.sync_api import expect

from tests.browser.test_guest_checkout_cod import COOPERATIVES, GUEST_EMAIL, fill_shipping_address
from tests.factories import bank_account_for

Order = get_model("order", "Order")


def test_guest_pays_two_cooperatives_by_vietqr(page, country_vn, two_cooperatives, mailoutbox):
    rice, paste = two_cooperatives
    bank_account_for(rice.stockrecords.get().partner, bank_bin="970415", account_number="0011001932418")
    bank_account_for(paste.stockrecords.get().partner, bank_bin="970436", account_number="9876543210")

    page.goto("/catalogue/")
    for title in COOPERATIVES:
        card = page.get_by_role("article").filter(has=page.get_by_role("heading", name=title))
        card.get_by_role("button", name="Thêm vào giỏ").click()
        expect(page.get_by_text(f"{title} đã được thêm vào giỏ hàng")).to_be_visible()

    page.goto("/basket/")
    for cooperative in COOPERATIVES.values():
        expect(page.get_by_role("heading", name=cooperative, level=2)).to_be_visible()
    page.get_by_role("link", name="Tiến hành thanh toán").click()
    page.get_by_label("Địa chỉ email").fill(GUEST_EMAIL)
    page.get_by_role("radio", name=re.compile(r"thanh toán như là một khách|không cần tài khoản")).check()
    page.get_by_role("button", name="Tiếp tục").click()

    fill_shipping_address(page)
    page.get_by_role("button", name="Tiếp tục").click()

    page.get_by_role("radio", name=re.compile("Chuyển khoản VietQR")).check()
    page.get_by_role("button", name="Tiếp tục").click()
    expect(page.get_by_role("heading", name="Xem trước đơn hàng")).to_be_visible()
    page.get_by_label("Tôi đã đọc và đồng ý với Quy chế hoạt động").check()
    page.get_by_role("button", name="Đặt hàng").click()

    expect(page).to_have_url(re.compile(r"/checkout/thank-you/$"))
    order = Order.objects.get()
    for index, account in ((1, "0011001932418"), (2, "9876543210")):
        number = f"{order.number}-{index}"
        expect(page.get_by_role("img", name=f"Mã VietQR chuyển khoản cho đơn {number}")).to_be_visible()
        box = page.locator(f"#suborder-{number}")
        expect(box).to_contain_text(account)
        expect(box).to_contain_text(f"CHOHTX {order.number} {index}")
    assert len(mailoutbox) == 1 and len(mailoutbox[0].attachments) == 2
