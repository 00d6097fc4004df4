"""The shop front on a 360 px phone and a desktop: nothing wider than the screen (even with the menus
open), products on the first screens, the search box always there, filters in a drawer on phones."""

import pytest
from playwright.sync_api import expect

from marketplace.catalogue.services import category_ensure
from search import services
from tests.factories import CooperativeFactory, make_product

DESKTOP = {"viewport": {"width": 1366, "height": 900}}


@pytest.fixture
def shop(live_shop):
    food = category_ensure(code="I", name="Thực phẩm")
    crafts = category_ensure(code="IV", name="Hàng thủ công mỹ nghệ")
    category_ensure(
        code="VI", name="Dịch vụ du lịch cộng đồng, du lịch sinh thái và điểm du lịch"
    )  # the longest group name: must not widen the menu
    gia_sinh = CooperativeFactory(
        name="Hợp tác xã Dịch vụ Nông nghiệp Gia Sinh", area="ninh_binh", commune="Xã Gia Sinh"
    )
    kim_son = CooperativeFactory(
        name="Hợp tác xã Thủ công Mỹ nghệ Cói Kim Sơn", area="ninh_binh", commune="Xã Kim Sơn"
    )
    for n in range(6):
        make_product(gia_sinh, title=f"Cơm cháy chà bông Gia Sinh loại đặc biệt {n} 200 g", category=food)
    for n in range(4):
        make_product(kim_son, title=f"Giỏ cói quai tròn Kim Sơn cỡ vừa {n}", price=1_250_000, category=crafts)
    services.index_rebuild()
    return {"food": food, "kim_son": kim_son}


def page_width(page):
    return page.evaluate("document.documentElement.scrollWidth")


def test_no_page_is_wider_than_a_360_px_phone_even_with_menus_open(phone_page, shop):
    urls = [
        "/",
        "/catalogue/",
        shop["food"].get_absolute_url(),
        "/search/?q=com+chay",
        "/cooperatives/",
        f"/cooperatives/{shop['kim_son'].code}/",
    ]
    for url in urls:
        phone_page.goto(url)
        assert page_width(phone_page) <= 360, url
        expect(phone_page.locator("#id_q")).to_be_visible()  # the search box, on every page
    phone_page.goto("/catalogue/")
    phone_page.locator("#category_menu summary").click()
    menu = phone_page.locator("#category_menu")
    expect(menu.get_by_role("link", name="Dịch vụ du lịch cộng đồng")).to_be_visible()
    assert page_width(phone_page) <= 360
    phone_page.keyboard.press("Escape")
    phone_page.locator("#account_menu summary").click()
    expect(phone_page.locator("#login_link")).to_be_visible()
    assert page_width(phone_page) <= 360


def test_four_products_within_the_first_two_screens_and_the_header_stays(phone_page, shop):
    for url in ["/", "/catalogue/", shop["food"].get_absolute_url(), "/search/?q=com+chay"]:
        phone_page.goto(url)
        cards = phone_page.locator(".grid-products .product_pod")
        fourth = cards.nth(3).bounding_box()
        assert fourth["y"] + fourth["height"] <= 2 * 740, url
        first, second = cards.nth(0).bounding_box(), cards.nth(1).bounding_box()
        assert first["y"] == second["y"] and second["x"] > first["x"]  # two columns
    phone_page.mouse.wheel(0, 1500)
    phone_page.wait_for_function("window.scrollY > 1000")
    header = phone_page.locator(".site-header").bounding_box()
    assert header["y"] == 0  # sticky: search and cart stay at hand
    expect(phone_page.locator("#id_q")).to_be_in_viewport()


def test_filters_open_in_a_drawer_on_a_phone_counted_and_removable(phone_page, shop):
    phone_page.goto(f"/catalogue/?area=ninh_binh&group={shop['food'].pk}")
    toggle = phone_page.locator("#filter_toggle")
    expect(toggle).to_have_text("Lọc (2)")
    drawer = phone_page.locator("#filters")
    expect(drawer).to_be_hidden()
    chips = phone_page.locator("#active_filters .chip--removable")
    expect(chips).to_have_count(2)
    toggle.click()
    expect(drawer).to_be_visible()
    expect(toggle).to_have_attribute("aria-expanded", "true")
    box = drawer.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 360
    assert page_width(phone_page) <= 360
    phone_page.keyboard.press("Escape")
    expect(drawer).to_be_hidden()
    chips.filter(has_text="Ninh Bình").click()
    expect(phone_page.locator("#filter_toggle")).to_have_text("Lọc (1)")
    assert "area=" not in phone_page.url and "group=" in phone_page.url
    assert phone_page.errors == []


def test_pagination_fits_one_line_of_a_phone(phone_page, shop, settings):
    settings.OSCAR_PRODUCTS_PER_PAGE = 4
    phone_page.goto("/catalogue/?page=2")
    pagination = phone_page.locator(".pagination")
    expect(pagination).to_contain_text("Trang 2/3")
    box = pagination.bounding_box()
    assert box["height"] <= 48 and box["x"] + box["width"] <= 360  # previous, page, next in one row
    assert page_width(phone_page) <= 360


@pytest.mark.parametrize("page", [DESKTOP], indirect=True)
def test_desktop_shows_the_filters_beside_the_products(page, shop):
    page.goto("/catalogue/")
    expect(page.locator("#filters")).to_be_visible()
    expect(page.locator("#filter_toggle")).to_be_hidden()
    filters, products = page.locator("#filters").bounding_box(), page.locator(".grid-products").bounding_box()
    assert filters["x"] + filters["width"] <= products["x"]  # a side column on the left
    cards = page.locator(".grid-products .product_pod")
    assert cards.nth(0).bounding_box()["y"] == cards.nth(3).bounding_box()["y"]  # four in a row
    assert page_width(page) <= 1366
