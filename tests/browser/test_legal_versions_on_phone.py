"""The operating regulations with their versions, and the step that asks for a new version again, on a
360 px phone and a 1366 px laptop: nothing overflows, axe finds nothing critical or serious.
Screenshots go to var/test-results/legal/."""

import datetime

from axe_playwright_python.sync_playwright import Axe
from django.test import Client
from django.utils import timezone
from playwright.sync_api import expect
from wagtail.models import Site

from cms.models import LegalPage
from marketplace.demo import legal_texts
from marketplace.legal.models import Version
from marketplace.legal.services import consent_record
from tests.browser.conftest import RESULTS_DIR
from tests.browser.test_shop_quality import axe_problems
from tests.factories import CooperativeFactory, make_product
from tests.helpers.browser import no_sideways_scroll
from tests.helpers.checkout import checkout_until_preview
from tests.helpers.cms import add_page
from tests.helpers.seller import Cooperative
from tests.legal.conftest import new_version

SHOTS = RESULTS_DIR / "legal"


def check(page, name):
    """Screenshots at both widths, and at each: no sideways scroll, no serious accessibility problem."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    axe = Axe()
    for width, height in ((360, 740), (1366, 900)):
        page.set_viewport_size({"width": width, "height": height})
        page.screenshot(path=SHOTS / f"{name}-{width}.png", full_page=True)
        assert no_sideways_scroll(page), f"{name} scrolls sideways at {width}px"
        assert axe_problems(axe.run(page).response) == [], name
    page.set_viewport_size({"width": 360, "height": 740})


def regulations_with_two_versions():
    today = timezone.localdate()
    home = Site.objects.get(is_default_site=True).root_page.specific
    page = LegalPage(
        title="Quy chế hoạt động sàn giao dịch thương mại điện tử Chợ HTX",
        slug="quy-che-hoat-dong",
        kind="regulations",
        body=legal_texts.regulations(1),
        effective_from=today - datetime.timedelta(days=120),
    )
    add_page(home, page)
    return new_version(page, legal_texts.regulations(2), today, changes=legal_texts.REGULATIONS_CHANGES)


def test_regulations_show_the_version_in_force_and_keep_the_old_one(phone_page, live_shop):
    regulations_with_two_versions()
    page = phone_page
    page.goto("/quy-che-hoat-dong/")
    expect(page.locator(".legal__meta")).to_contain_text("Phiên bản 2")
    expect(page.get_by_role("heading", name="Điều 16. Tiếp nhận và giải quyết khiếu nại")).to_be_visible()
    check(page, "regulations")
    page.get_by_role("link", name="Phiên bản 1").click()
    expect(page.locator(".legal-notice")).to_contain_text("Đây là phiên bản cũ, đã hết hiệu lực.")
    expect(page.locator(".chohtx-legal")).to_contain_text("Nghị định số 52/2013/NĐ-CP")
    check(page, "regulations-version-1")


def test_a_seller_accepts_the_new_version_before_going_on(phone_page, live_shop, django_user_model):
    regulations_with_two_versions()
    coop = Cooperative("HTX Cơm cháy An Khánh", "a@htx.vn", django_user_model)
    consent_record(versions=[Version.objects.get(number=1)], context="seller_apply", user=coop.user)
    client = Client()
    client.force_login(coop.user)
    page = phone_page
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_shop}]
    )
    page.goto("/seller/products/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Quy chế hoạt động đã có phiên bản mới")
    check(page, "seller-reconsent")
    page.get_by_role("button", name="Đồng ý và tiếp tục").click()
    expect(page.locator(".field__error")).to_have_text("Hãy đọc và đồng ý với Quy chế hoạt động để tiếp tục.")
    page.get_by_label("Tôi đã đọc và đồng ý với").check()
    page.get_by_role("button", name="Đồng ý và tiếp tục").click()
    expect(page).to_have_url(f"{live_shop}/seller/products/")


def test_a_buyer_sees_the_new_version_at_checkout_with_the_basket_kept(
    phone_page, live_shop, django_user_model, country_vn
):
    regulations_with_two_versions()
    buyer = django_user_model.objects.create_user(email="lan@example.vn", password="pw-customer-123")
    consent_record(versions=[Version.objects.get(number=1)], context="signup", user=buyer)
    product = make_product(
        CooperativeFactory(name="Hợp tác xã Cơm cháy Gia Sinh"), title="Cơm cháy chà bông 200 g"
    )
    client = Client()
    client.force_login(buyer)
    checkout_until_preview(client, [(product, 1)])
    page = phone_page
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_shop}]
    )
    page.goto("/checkout/preview/")
    expect(page.get_by_role("heading", name="Quy chế hoạt động đã có phiên bản mới")).to_be_visible()
    expect(page.locator(".co-reconsent")).to_contain_text("Bạn đã đồng ý phiên bản 1.")
    check(page, "checkout-reconsent")
