"""The header search box suggests products as you type, accents optional."""

import re

from playwright.sync_api import expect

from search import services
from tests.factories import CooperativeFactory, make_product


def test_search_box_suggests_products_and_cooperatives_as_you_type(page):
    cooperative = CooperativeFactory(name="Hợp tác xã Hải Hậu", area="nam_dinh")
    product = make_product(cooperative, title="Nước mắm cốt Hải Hậu", price=120_000)
    services.index_rebuild()

    page.goto("/catalogue/")
    page.locator("#id_q").press_sequentially("nuoc m", delay=40)
    dropdown = page.locator("#chohtx-suggest")
    expect(dropdown).to_be_visible()
    expect(dropdown).to_contain_text("Nước mắm cốt Hải Hậu")
    expect(dropdown).to_contain_text("120.000")

    page.locator("#id_q").fill("hai ha")
    page.locator("#id_q").press("u")  # typed: "hai hau"
    expect(dropdown).to_contain_text("Hợp tác xã Hải Hậu")

    page.locator("#id_q").fill("")
    page.locator("#id_q").press_sequentially("nuoc mam", delay=40)
    expect(dropdown.get_by_role("option").first).to_contain_text("Nước mắm cốt Hải Hậu")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(re.escape(product.get_absolute_url()) + "$"))
