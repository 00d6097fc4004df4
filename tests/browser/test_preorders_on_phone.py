"""Pre-orders on a 360 px phone and a 1366 px laptop: the product page and the basket say when the
goods come and what the deposit is (by card: only the deposit is charged; by transfer: until when),
the cooperative's pre-orders are grouped by delivery date; no
sideways scrolling, no critical or serious axe-core violation. Screenshots of each screen at both
widths go to var/test-results/preorders/."""

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone
from playwright.sync_api import expect

from marketplace.preorders import services
from tests.browser.conftest import RESULTS_DIR
from tests.browser.test_shop_quality import axe_problems
from tests.factories import CooperativeFactory, bank_account_for, make_product, vietnam
from tests.helpers.browser import no_sideways_scroll, sign_in
from tests.helpers.checkout import checkout_until_preview, place_order
from tests.payments.conftest import localstripe, localstripe_url, stripe_on  # noqa: F401  (card deposits)

SHOTS = RESULTS_DIR / "preorders"


def check(page, axe, name):
    """At 360 and 1366 px: a screenshot, nothing wider than the phone, no serious axe finding."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    for width, height in ((360, 740), (1366, 900)):
        page.set_viewport_size({"width": width, "height": height})
        page.screenshot(path=SHOTS / f"{name}-{width}.png", full_page=True)
        if width == 360:
            assert no_sideways_scroll(page), f"{name} scrolls sideways at 360 px"
        assert not axe_problems(axe.run(page).response), f"{name} at {width} px"
    page.set_viewport_size({"width": 360, "height": 740})


def test_pre_order_screens_for_a_buyer_and_the_cooperative(phone_page, live_shop, django_user_model):
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    vietnam()
    today = timezone.localdate()
    partner = CooperativeFactory(name="Hợp tác xã Nông nghiệp Hải Hậu", short_name="HTX Hải Hậu")
    bank_account_for(partner, holder="HTX NONG NGHIEP HAI HAU")
    rice = make_product(partner, title="Gạo tám xoan Hải Hậu vụ mới 5 kg", price=150000, stock=0, image=True)
    start = today + timedelta(days=40)
    services.offer_save(
        partner=partner,
        product=rice,
        order_from=today - timedelta(days=1),
        order_until=today + timedelta(days=30),
        deliver_from=start,
        deliver_until=start + timedelta(days=5),
        cap=300,
        deposit_kind="percent",
        deposit_value=30,
    )
    sentence = f"Đặt trước — giao từ {start:%d/%m/%Y} đến {start + timedelta(days=5):%d/%m/%Y}, đặt cọc 30%"
    buyer = Client()
    checkout_until_preview(buyer, [(rice, 2)], email="lan@example.vn")
    place_order(buyer)

    page = phone_page
    page.goto(rice.get_absolute_url())
    expect(page.get_by_role("heading", name=sentence)).to_be_visible()
    expect(page.get_by_text("Còn 298 suất đặt trước")).to_be_visible()
    check(page, axe, "product-page")

    page.get_by_role("button", name="Đặt trước").click()
    page.goto("/basket/")
    expect(page.get_by_test_id("basket-preorder")).to_have_text(sentence)
    check(page, axe, "basket")

    user = django_user_model.objects.create_user(email="haihau@example.vn", password="pw-phone-123")
    partner.users.add(user)
    sign_in(page, live_shop, user)
    page.goto("/seller/preorders/")
    day = page.get_by_test_id("preorder-day")
    expect(day.get_by_role("heading")).to_contain_text(f"Giao từ {start:%d/%m/%Y}")
    expect(day).to_contain_text("đã đặt 2/300 suất")
    expect(day).to_contain_text("Chờ tiền cọc")
    check(page, axe, "seller-list")

    page.get_by_role("link", name="Gạo tám xoan Hải Hậu vụ mới 5 kg", exact=True).click()
    expect(page.get_by_role("heading", name="Đổi ngày giao")).to_be_visible()
    check(page, axe, "seller-offer")


@pytest.mark.usefixtures("localstripe")
def test_deposit_screens_by_card_and_by_transfer(phone_page, live_shop, django_user_model):
    """A card pre-order before and after its deposit is paid (the payment page charges only the
    deposit), a cash-on-delivery pre-order with the deposit transfer's deadline, and the
    cooperative's list saying which deposit came by card."""
    from axe_playwright_python.sync_playwright import Axe

    from marketplace.order.models import Order
    from payments import services as payment_services
    from payments.models import StripePayment
    from tests.helpers.payments import intent_of, pay_in_stripe

    axe = Axe()
    vietnam()
    today = timezone.localdate()
    partner = CooperativeFactory(name="Hợp tác xã Nông nghiệp Hải Hậu", short_name="HTX Hải Hậu")
    bank_account_for(partner, holder="HTX NONG NGHIEP HAI HAU")
    rice = make_product(partner, title="Gạo tám xoan Hải Hậu vụ mới 5 kg", price=150000, stock=0, image=True)
    start = today + timedelta(days=40)
    services.offer_save(
        partner=partner,
        product=rice,
        order_from=today - timedelta(days=1),
        order_until=today + timedelta(days=30),
        deliver_from=start,
        deliver_until=start + timedelta(days=5),
        cap=300,
        deposit_kind="percent",
        deposit_value=30,
    )
    user = django_user_model.objects.create_user(email="lan@example.vn", password="pw-phone-123")
    buyer = Client()
    buyer.force_login(user)
    checkout_until_preview(buyer, [(rice, 2)], method="stripe")
    place_order(buyer)
    card_order = Order.objects.get()
    checkout_until_preview(buyer, [(rice, 1)], method="cod")
    place_order(buyer)
    cod_order = Order.objects.exclude(pk=card_order.pk).get()

    page = phone_page
    sign_in(page, live_shop, user)
    page.goto(f"/payments/card/{card_order.number}/")
    expect(page.get_by_test_id("card-deposit-note")).to_be_visible()
    expect(page.locator("#card-amount")).to_have_text("90.000\xa0₫")
    check(page, axe, "card-deposit-payment")

    page.goto(f"/orders/{card_order.number}/")
    expect(page.get_by_test_id("card-deposit-due")).to_contain_text("Thẻ chỉ trả tiền cọc 90.000\xa0₫")
    check(page, axe, "card-deposit-due")

    payment = StripePayment.objects.get(order=card_order)
    pay_in_stripe(payment)
    event = {
        "id": "evt_shot",
        "type": "payment_intent.succeeded",
        "created": 1,
        "data": {"object": intent_of(payment)},
    }
    assert payment_services.stripe_event_handle(event=event) == "paid"
    page.goto(f"/orders/{card_order.number}/")
    expect(page.get_by_test_id("card-deposit-paid")).to_have_text(
        "Đã đặt cọc 90.000\xa0₫ bằng thẻ, còn 210.000\xa0₫ trả khi nhận hàng."
    )
    check(page, axe, "card-deposit-paid")

    page.goto(f"/orders/{cod_order.number}/")
    expect(page.get_by_test_id("deposit-deadline")).to_contain_text("Chuyển tiền cọc trước")
    check(page, axe, "deposit-transfer-deadline")

    staff = django_user_model.objects.create_user(email="haihau@example.vn", password="pw-phone-123")
    partner.users.add(staff)
    sign_in(page, live_shop, staff)
    page.goto("/seller/preorders/")
    day = page.get_by_test_id("preorder-day")
    expect(day).to_contain_text("Đã đặt cọc bằng thẻ")
    expect(day).to_contain_text("Chờ tiền cọc")
    check(page, axe, "seller-list-deposits")
