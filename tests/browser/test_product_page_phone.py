"""The product page on a 360×740 phone: everything a buyer decides on is on the first screen, the
"Thêm vào giỏ" bar is visible without scrolling, pictures swipe with a counter, nothing scrolls sideways."""

import re
from datetime import date

from django.core.files.base import ContentFile
from oscar.core.loading import get_model
from playwright.sync_api import expect

from marketplace.ocop.models import Certificate, Verification
from tests.factories import CooperativeFactory, make_product, small_jpeg

ProductImage = get_model("catalogue", "ProductImage")


def certified_crackers():
    partner = CooperativeFactory(
        name="Hợp tác xã Dịch vụ Nông nghiệp Gia Sinh", short_name="HTX Gia Sinh", commune="Xã Gia Viễn"
    )
    product = make_product(
        partner,
        title="Cơm cháy chà bông Gia Sinh 200 g",
        price=45000,
        stock=120,
        image=True,
        description="Cơm cháy làm từ gạo nếp địa phương.",
    )
    second = ProductImage(product=product, display_order=1)
    second.original.save("second.jpg", ContentFile(small_jpeg((40, 120, 60))), save=True)
    certificate = Certificate.objects.create(
        partner=partner,
        stars=4,
        group_code="I.3b",
        decision_number="12/QĐ-UBND",
        signed_on=date(2025, 5, 1),
        issuer="UBND tỉnh Ninh Bình",
        status=Verification.VERIFIED,
    )
    certificate.products.add(product)
    return product


def test_a_phone_buyer_sees_the_essentials_and_the_basket_bar_without_scrolling(phone_page, db):
    product = certified_crackers()
    page = phone_page
    page.goto(product.get_absolute_url())
    height = page.viewport_size["height"]
    bar = page.locator(".buy-bar").bounding_box()
    assert bar["y"] + bar["height"] == height and bar["y"] > height / 2  # along the bottom edge
    expect(page.get_by_role("button", name="Thêm vào giỏ")).to_be_in_viewport()
    expect(page.get_by_label("Số lượng")).to_be_in_viewport()
    above_the_bar = [
        page.get_by_role("heading", name="Cơm cháy chà bông Gia Sinh 200 g", level=1),
        page.locator(".product-page__price .price"),
        page.locator(".product-page__facts .ocop-badge"),
        page.get_by_text("Còn 120 sản phẩm"),
        page.locator("#seller-info").get_by_text("HTX Gia Sinh"),
        page.get_by_role("link", name="Xem gian hàng"),
    ]
    for element in above_the_bar:
        expect(element).to_be_visible()
        box = element.bounding_box()
        assert box["y"] >= 0 and box["y"] + box["height"] <= bar["y"], element
    assert page.evaluate("document.documentElement.scrollWidth") <= 360

    # two pictures: swiping to the second moves the counter to 2/2
    expect(page.locator(".gallery__counter")).to_have_text("1/2")
    page.locator("[data-gallery-track]").evaluate("track => track.scrollTo({left: track.clientWidth})")
    expect(page.locator(".gallery__counter")).to_have_text("2/2")

    # the bar stays on screen further down the page, and it works
    page.mouse.wheel(0, 1500)
    expect(page.get_by_role("button", name="Thêm vào giỏ")).to_be_in_viewport()
    page.get_by_role("button", name="Thêm một").click()
    expect(page.get_by_label("Số lượng")).to_have_value("2")
    page.get_by_role("button", name="Thêm vào giỏ").click()
    expect(page.locator("#cart_count")).to_have_text("2")  # quantity 2 went into the basket
    assert page.evaluate("document.documentElement.scrollWidth") <= 360


def test_the_catalogue_grid_fits_a_phone_in_two_columns(phone_page, db):
    partner = CooperativeFactory(name="Hợp tác xã Cói Kim Sơn", short_name="HTX Cói Kim Sơn")
    for n in range(6):
        make_product(
            partner, title=f"Giỏ cói quai tròn Kim Sơn cỡ {n} có tên dài hơn hai dòng chữ", image=True
        )
    page = phone_page
    page.goto("/catalogue/")
    cards = page.locator("article.product-card")
    expect(cards).to_have_count(6)
    first, second, third = (cards.nth(i).bounding_box() for i in range(3))
    assert first["y"] == second["y"] and third["y"] > first["y"]  # two cards a row
    assert abs(first["width"] - second["width"]) < 1 and first["width"] > 150
    title = cards.first.locator("h3")
    line_height = float(title.evaluate("h3 => getComputedStyle(h3).lineHeight").removesuffix("px"))
    assert title.bounding_box()["height"] <= 2 * line_height + 1  # clamped to two lines
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    # the heart is its own button; pressing it signed out asks to sign in
    cards.first.get_by_role("button", name="Lưu vào Yêu thích").click()
    expect(page).to_have_url(re.compile(r"/accounts/login/\?next="))
