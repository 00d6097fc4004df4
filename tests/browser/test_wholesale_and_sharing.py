"""A product with price tiers on a phone and a desktop: the tiers and the share bar fit the screen,
axe finds nothing critical or serious, "Sao chép liên kết" fills the clipboard, and the page asks
nothing of Zalo, Facebook or any other site."""

from urllib.parse import urlparse

import pytest
from playwright.sync_api import expect

from marketplace.wholesale import services
from tests.factories import CooperativeFactory, make_product

DESKTOP = {"viewport": {"width": 1366, "height": 900}}


def tiered_crackers():
    partner = CooperativeFactory(name="Hợp tác xã Dịch vụ Nông nghiệp Gia Sinh", short_name="HTX Gia Sinh")
    product = make_product(
        partner, title="Cơm cháy chà bông Gia Sinh 200 g", price=45000, stock=500, image=True
    )
    services.wholesale_terms_save(
        product=product, base_price=45000, min_order_quantity=1, tiers=[(10, 40000), (50, 36000)]
    )
    return product


def axe_serious(page) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page).response
    return [
        f"{v['id']}: {[node['target'] for node in v['nodes'][:3]]}"
        for v in results["violations"]
        if v["impact"] in ("critical", "serious")
    ]


def visit(page, product, live_shop):
    hosts = set()
    page.on("request", lambda request: hosts.add(urlparse(request.url).hostname))
    page.goto(product.get_absolute_url())
    page.wait_for_load_state("networkidle")
    assert hosts <= {urlparse(live_shop).hostname}, hosts  # nothing from another site
    expect(page.get_by_role("heading", name="Mua nhiều, giá tốt hơn")).to_be_visible()
    expect(page.get_by_role("link", name="Zalo", exact=False)).to_be_visible()
    expect(page.get_by_role("link", name="Facebook", exact=False)).to_be_visible()


def test_tiers_and_share_bar_on_a_phone(phone_page, live_shop, db):
    product = tiered_crackers()
    page = phone_page
    visit(page, product, live_shop)
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    page.locator(".share-bar").scroll_into_view_if_needed()
    page.screenshot(path="var/test-results/wholesale-product-360.png", full_page=True)
    assert axe_serious(page) == []

    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_shop)
    copy = page.get_by_role("button", name="Sao chép liên kết")
    copy.click()
    expect(page.locator("[data-share-status]")).to_have_text("Đã chép liên kết")
    assert page.evaluate("navigator.clipboard.readText()") == copy.get_attribute("data-share-copy")
    assert page.evaluate("navigator.clipboard.readText()").endswith(product.get_absolute_url())


def test_the_tiers_never_push_the_seller_card_under_the_buy_bar_on_a_phone(phone_page, live_shop, db):
    product = tiered_crackers()
    page = phone_page
    page.goto(product.get_absolute_url())
    bar_top = page.locator(".buy-bar").bounding_box()["y"]
    for element in (
        page.locator(".product-page__price .price"),
        page.locator("#seller-info").get_by_text("HTX Gia Sinh"),
        page.get_by_role("link", name="Xem gian hàng"),
    ):
        box = element.bounding_box()
        assert box["y"] + box["height"] <= bar_top, element  # on the first screen, above the fixed bar
    tiers = page.locator("#price-tiers").bounding_box()
    seller = page.locator("#seller-info").bounding_box()
    assert tiers["y"] >= seller["y"] + seller["height"]  # the table comes after the seller card


@pytest.mark.parametrize("page", [DESKTOP], indirect=True)
def test_tiers_and_share_bar_on_a_desktop(page, live_shop, db):
    product = tiered_crackers()
    visit(page, product, live_shop)
    assert page.evaluate("document.documentElement.scrollWidth") <= 1366
    page.screenshot(path="var/test-results/wholesale-product-1366.png", full_page=True)
    assert axe_serious(page) == []
