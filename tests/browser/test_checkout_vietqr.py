"""A guest buys from two cooperatives and pays each by VietQR transfer, clicking through Chromium:
the thank-you page shows one QR code per cooperative with its account details."""

import re

from oscar.core.loading import get_model
from playwright.sync_api import expect

from tests.factories import bank_account_for
from tests.helpers.browser import COOPERATIVES, GUEST_EMAIL, fill_shipping_address

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
    page.get_by_role("link", name="Mua hàng").click()
    page.get_by_label("Email của bạn").fill(GUEST_EMAIL)
    page.get_by_role("radio", name=re.compile(r"thanh toán như là một khách|không cần tài khoản")).check()
    page.get_by_role("button", name="Tiếp tục").click()

    fill_shipping_address(page)
    page.get_by_role("button", name="Tiếp tục").click()

    page.get_by_role("radio", name=re.compile("Chuyển khoản qua mã QR")).check()
    page.get_by_role("button", name="Tiếp tục").click()
    expect(page.get_by_role("heading", name="Xác nhận đơn hàng")).to_be_visible()
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


NO_SIDEWAYS_SCROLL = "document.documentElement.scrollWidth <= window.innerWidth"
QR_BOXES = """() => [...document.querySelectorAll('.vqr')]
  .filter(v => v.querySelector('.vqr__img')).map(v => {
    const box = e => { const r = e.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; };
    return {qr: box(v.querySelector('.vqr__img')),
            details: [...v.querySelectorAll('.vqr__row, .vqr__bank, .vqr__deadline, .vqr__how')].map(box)};
})"""


def assert_qr_clear_of_details(page, where):
    blocks = page.evaluate(QR_BOXES)
    assert blocks, where
    for block in blocks:
        left, top, right, bottom = block["qr"]
        assert right - left >= 200, where  # large enough to scan
        for d_left, d_top, d_right, d_bottom in block["details"]:
            apart = d_right <= left or d_left >= right or d_bottom <= top or d_top >= bottom
            assert apart, f"{where}: the QR {block['qr']} overlaps a detail box"


def test_vietqr_on_a_phone_and_a_desktop(phone_page, country_vn, two_cooperatives, live_shop):
    """At 360 px no step scrolls sideways; on the thank-you page, the order page and the lookup the
    QR never overlaps the bank details (360 and 1366 px), "Sao chép" copies, "Lưu mã QR" saves a PNG."""
    page = phone_page
    rice, paste = two_cooperatives
    bank_account_for(rice.stockrecords.get().partner, bank_bin="970415", account_number="0011001932418")
    bank_account_for(paste.stockrecords.get().partner, bank_bin="970436", account_number="9876543210")
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_shop)

    page.goto("/catalogue/")
    for title in COOPERATIVES:
        card = page.get_by_role("article").filter(has=page.get_by_role("heading", name=title))
        card.get_by_role("button", name="Thêm vào giỏ").click()
        expect(page.get_by_text(f"{title} đã được thêm vào giỏ hàng")).to_be_visible()
    page.goto("/basket/")
    assert page.evaluate(NO_SIDEWAYS_SCROLL), "basket"
    expect(page.locator(".co-bar")).to_be_in_viewport()  # the total and "Mua hàng" stay at hand
    page.get_by_role("link", name="Mua hàng").click()
    assert page.evaluate(NO_SIDEWAYS_SCROLL), "contact"
    page.get_by_label("Email của bạn").fill(GUEST_EMAIL)
    page.get_by_role("button", name="Tiếp tục").click()
    assert page.evaluate(NO_SIDEWAYS_SCROLL), "address"
    fill_shipping_address(page)
    page.get_by_role("button", name="Tiếp tục").click()
    assert page.evaluate(NO_SIDEWAYS_SCROLL), "payment"
    expect(page.get_by_test_id("checkout-total")).to_be_in_viewport()
    page.get_by_role("radio", name=re.compile("Chuyển khoản qua mã QR")).check()
    page.get_by_role("button", name="Tiếp tục").click()
    assert page.evaluate(NO_SIDEWAYS_SCROLL), "preview"
    page.get_by_label("Tôi đã đọc và đồng ý với Quy chế hoạt động").check()
    page.get_by_role("button", name="Đặt hàng").click()
    expect(page).to_have_url(re.compile(r"/checkout/thank-you/$"))
    order = Order.objects.get()

    first = f"{order.number}-1"
    box = page.locator(f"#vietqr-{first}")
    copy_account = box.get_by_role("button", name="Sao chép số tài khoản")
    copy_account.click()
    expect(copy_account).to_have_text(re.compile("Đã chép"))
    assert page.evaluate("navigator.clipboard.readText()") == "0011001932418"
    box.get_by_role("button", name="Sao chép nội dung chuyển khoản").click()
    assert page.evaluate("navigator.clipboard.readText()") == f"CHOHTX {order.number} 1"
    with page.expect_download() as download:
        box.get_by_role("link", name="Lưu mã QR").click()
    assert download.value.suggested_filename == f"vietqr-{first}.png"
    assert page.errors == []

    pages = {"thank-you": "/checkout/thank-you/", "order": f"/orders/{order.number}/"}
    for width, height in ((360, 740), (1366, 900)):
        page.set_viewport_size({"width": width, "height": height})
        for name, url in pages.items():
            page.goto(url)
            assert page.evaluate(NO_SIDEWAYS_SCROLL), f"{name} at {width}"
            assert_qr_clear_of_details(page, f"{name} at {width}")
        page.goto("/orders/lookup/")
        page.get_by_label("Mã đơn hàng").fill(order.number)
        page.get_by_label(re.compile("Email hoặc số điện thoại")).fill(GUEST_EMAIL)
        page.get_by_role("button", name="Tra cứu").click()
        expect(page.get_by_role("img", name=f"Mã VietQR chuyển khoản cho đơn {first}")).to_be_visible()
        assert page.evaluate(NO_SIDEWAYS_SCROLL), f"lookup at {width}"
        assert_qr_clear_of_details(page, f"lookup at {width}")
