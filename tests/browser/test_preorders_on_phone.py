"""Pre-orders on a 360 px phone and a 1366 px laptop: the product page and the basket say when the
goods come and what the deposit is, the cooperative's pre-orders are grouped by delivery date; no
sideways scrolling, no critical or serious axe-core violation. Screenshots of each screen at both
widths go to var/test-results/preorders/."""

from datetime import timedelta

from django.test import Client
from django.utils import timezone
from playwright.sync_api import expect

from marketplace.preorders import services
from tests.browser.conftest import RESULTS_DIR
from tests.browser.test_shop_quality import axe_problems
from tests.factories import CooperativeFactory, bank_account_for, make_product, vietnam
from tests.helpers.browser import no_sideways_scroll, sign_in
from tests.helpers.checkout import checkout_until_preview, place_order

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
