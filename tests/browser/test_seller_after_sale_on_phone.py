"""A cooperative's staff member, on a 360 px wide phone, answers a buyer's message and handles a
return from request to refund (cash on delivery: goods back into stock, the transfer recorded).
Screenshots of every screen at 360 and 1366 px go to var/test-results/after-sale/."""

import re

from django.core import mail
from oscar.core.loading import get_model
from playwright.sync_api import expect

from marketplace.messaging import services as messaging
from marketplace.order import services as orders
from marketplace.returns import services as returns
from marketplace.returns.models import ReturnRequest
from tests.browser.conftest import RESULTS_DIR
from tests.factories import CooperativeFactory
from tests.helpers.browser import new_order_for, no_sideways_scroll, sign_in

StockRecord = get_model("partner", "StockRecord")
SHOTS = RESULTS_DIR / "after-sale"


def shoot(page, name):
    """The screen as the phone shows it, and the same page on a laptop."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SHOTS / f"{name}-360.png", full_page=True)
    page.set_viewport_size({"width": 1366, "height": 900})
    page.screenshot(path=SHOTS / f"{name}-1366.png", full_page=True)
    page.set_viewport_size({"width": 360, "height": 740})


def delivered_with_message_and_return(cooperative):
    suborder = new_order_for(cooperative)
    orders.suborder_confirm(suborder_id=suborder.pk)
    orders.suborder_ship(suborder_id=suborder.pk, carrier="GHN", tracking_code="GHN1")
    orders.suborder_deliver(suborder_id=suborder.pk)
    conversation = messaging.conversation_for_suborder(suborder=suborder)
    messaging.message_send(
        conversation_id=conversation.pk,
        side="buyer",
        body="Chào HTX, một gói bị bẹp <b>nặng</b>. Gọi tôi 0912 345 678 nhé.",
    )
    line = suborder.order.lines.get()
    returns.return_request(
        suborder_id=suborder.pk,
        quantities={line.pk: 1},
        reason="damaged",
        note="Một gói bị bẹp, bánh vỡ vụn.",
        refund_account={"bank": "Vietcombank", "number": "0011001932418", "holder": "NGUYEN THI LAN"},
    )
    return suborder, line


def test_cooperative_answers_a_message_and_handles_a_return_on_a_phone(
    phone_page, live_shop, django_user_model
):
    page = phone_page
    cooperative = CooperativeFactory(name="Hợp tác xã Cơm cháy Gia Sinh")
    suborder, line = delivered_with_message_and_return(cooperative)
    user = django_user_model.objects.create_user(email="giasinh@example.vn", password="pw-phone-123")
    cooperative.users.add(user)
    sign_in(page, live_shop, user)
    in_stock = StockRecord.objects.get(pk=line.stockrecord_id).num_in_stock
    mail.outbox.clear()

    # The header says a message waits; the inbox lists it as unread.
    page.goto("/seller/")
    unread = page.locator("#seller-unread")
    expect(unread).to_have_text("1 tin nhắn chưa đọc")
    unread.tap()
    expect(page.get_by_role("heading", name="Tin nhắn", level=1)).to_be_visible()
    shoot(page, "seller-messages")
    page.locator("#seller-conversations a").first.tap()

    # The thread: HTML shown as text, the phone number a link to call.
    expect(page.locator(".bubble__text").first).to_contain_text("<b>nặng</b>")
    expect(page.get_by_role("link", name="0912 345 678")).to_have_attribute("href", "tel:+84912345678")
    assert no_sideways_scroll(page), "the thread scrolls sideways"
    page.get_by_label("Tin nhắn").fill("HTX xin lỗi bạn, HTX hoàn tiền gói bị bẹp ngay ạ.")
    send = page.get_by_role("button", name="Gửi", exact=True)
    assert send.bounding_box()["height"] >= 44
    send.tap()
    expect(page.locator(".bubble--mine")).to_contain_text("HTX xin lỗi bạn")
    expect(page.locator("#seller-unread")).to_have_count(0)
    shoot(page, "seller-message-thread")

    # The return: accept with instructions, receive the goods (back into stock), transfer the refund.
    page.get_by_role("link", name=re.compile("^Trả hàng")).tap()
    expect(page.get_by_role("heading", name="Trả hàng, hoàn tiền", level=1)).to_be_visible()
    shoot(page, "seller-returns")
    page.locator("#seller-returns a").first.tap()
    expect(page.locator("#return-lines")).to_contain_text("Một gói bị bẹp, bánh vỡ vụn.")
    assert no_sideways_scroll(page), "the return page scrolls sideways"
    shoot(page, "seller-return-detail")
    page.get_by_label("Hướng dẫn gửi lại hàng").fill("Gửi về HTX Gia Sinh, thôn Tập Ninh. HTX trả phí gửi.")
    accept = page.get_by_role("button", name="Đồng ý, gửi hướng dẫn")
    assert accept.bounding_box()["height"] >= 44
    accept.tap()
    expect(page.get_by_text("Đã đồng ý nhận lại hàng")).to_be_visible()

    page.get_by_label(re.compile("còn bán được")).check()
    page.get_by_role("button", name="Đã nhận hàng, hoàn tiền").tap()
    expect(page.get_by_text("Đã ghi nhận hàng trả về")).to_be_visible()
    assert StockRecord.objects.get(pk=line.stockrecord_id).num_in_stock == in_stock + 1

    expect(page.locator("#transfer-form")).to_contain_text("0011001932418")
    shoot(page, "seller-return-transfer")
    page.get_by_label("Mã giao dịch hoặc ghi chú").fill("FT26123")
    page.get_by_role("button", name="Đã chuyển tiền hoàn").tap()
    expect(page.get_by_text("Đang chờ người mua xác nhận đã nhận tiền.")).to_be_visible()
    expect(page.locator("#return-timeline")).to_contain_text("Hợp tác xã đã chuyển khoản hoàn 45.000 ₫.")
    shoot(page, "seller-return-done")
    assert ReturnRequest.objects.get().status == "refund_sent"
    assert no_sideways_scroll(page)


def test_a_guest_asks_for_a_return_and_messages_the_cooperative_on_a_phone(phone_page, live_shop, tmp_path):
    page = phone_page
    cooperative = CooperativeFactory(name="Hợp tác xã Cơm cháy Gia Sinh")
    suborder = new_order_for(cooperative)
    orders.suborder_confirm(suborder_id=suborder.pk)
    orders.suborder_ship(suborder_id=suborder.pk, carrier="GHN", tracking_code="GHN1")
    orders.suborder_deliver(suborder_id=suborder.pk)
    picture = tmp_path / "vo.jpg"
    from PIL import Image

    Image.new("RGB", (800, 600), (160, 80, 40)).save(picture, "JPEG")

    # The guest looks the order up, then asks for a return of one of the two packs.
    page.goto("/orders/lookup/")
    page.locator("[name=number]").fill(suborder.order.number)
    page.locator("[name=contact]").fill("lan@example.vn")
    page.get_by_role("button", name="Tra cứu").tap()
    ask = page.get_by_role("link", name=re.compile("Yêu cầu trả hàng, hoàn tiền"))
    expect(ask).to_be_visible()
    assert ask.bounding_box()["height"] >= 44
    shoot(page, "buyer-order")
    ask.tap()
    expect(page.get_by_role("heading", name="Yêu cầu trả hàng, hoàn tiền", level=1)).to_be_visible()
    page.get_by_label("Cơm cháy chà bông 200 g").fill("1")
    page.get_by_label("Hàng bị vỡ, móp hoặc hỏng khi nhận").check()
    page.get_by_label("Mô tả thêm").fill("Một gói bị bẹp, bánh vỡ vụn.")
    page.get_by_label("Ngân hàng nhận tiền hoàn").fill("Vietcombank")
    page.get_by_label("Số tài khoản").fill("0011001932418")
    page.get_by_label("Tên chủ tài khoản").fill("NGUYEN THI LAN")
    page.get_by_label("Ảnh chụp hàng (tối đa 5 ảnh)").set_input_files(str(picture))
    assert no_sideways_scroll(page), "the return form scrolls sideways"
    shoot(page, "buyer-return-form")
    page.get_by_role("button", name="Gửi yêu cầu").tap()

    # Back on the order: the request, its photo and its first step; both sides were emailed.
    card = page.locator(".return-card")
    expect(card).to_contain_text("Chờ hợp tác xã trả lời")
    expect(card).to_contain_text("Người mua yêu cầu trả hàng, hoàn tiền.")
    expect(card.locator("img")).to_have_count(1)
    card.locator("img").scroll_into_view_if_needed()
    page.wait_for_function(
        "document.querySelector('.return-card img').naturalWidth > 0"
    )  # the photo is served
    shoot(page, "buyer-order-with-return")

    # A message to the cooperative, with a link.
    page.get_by_role("link", name=re.compile("Nhắn hợp tác xã")).tap()
    page.get_by_label("Tin nhắn").fill("Gói hàng bị bẹp, ảnh ở https://zalo.me/chohtx nhé.")
    page.get_by_role("button", name="Gửi", exact=True).tap()
    expect(page.locator(".bubble--mine")).to_contain_text("Gói hàng bị bẹp")
    expect(page.get_by_role("link", name="https://zalo.me/chohtx")).to_have_attribute(
        "rel", re.compile("nofollow")
    )
    assert no_sideways_scroll(page), "the conversation scrolls sideways"
    shoot(page, "buyer-thread")
