"""A cooperative's staff member adds a product with a photo from a 360 px wide phone."""

import io
import re

from oscar.core.loading import get_model
from PIL import Image
from playwright.sync_api import expect

from marketplace.catalogue.services import category_ensure
from tests.factories import CooperativeFactory, make_product
from tests.helpers.browser import sign_in

Product = get_model("catalogue", "Product")


def phone_photo() -> bytes:
    """What a phone camera sends: a big JPEG (4000 × 3000)."""
    buffer = io.BytesIO()
    Image.new("RGB", (4000, 3000), (190, 140, 60)).save(buffer, "JPEG", quality=70)
    return buffer.getvalue()


def test_cooperative_adds_a_product_with_a_photo_on_a_phone(phone_page, live_shop, django_user_model):
    page = phone_page
    cooperative = CooperativeFactory(name="Hợp tác xã Cơm cháy Gia Sinh")
    make_product(cooperative, title="Cơm cháy chà bông 200 g", stock=2)
    category_ensure(code="I", name="Thực phẩm")
    user = django_user_model.objects.create_user(email="giasinh@example.vn", password="pw-phone-123")
    cooperative.users.add(user)
    sign_in(page, live_shop, user)

    page.goto("/seller/")
    expect(page.get_by_role("heading", name="Tổng quan", level=1)).to_be_visible()
    expect(page.locator("#low-stock")).to_contain_text("Cơm cháy chà bông 200 g")
    add = page.get_by_role("link", name="+ Thêm sản phẩm")
    assert add.bounding_box()["height"] >= 44  # a thumb-sized target
    add.tap()

    expect(page.get_by_role("heading", name="Thêm sản phẩm", level=1)).to_be_visible()
    page.get_by_label("Tên sản phẩm").fill("Cơm cháy mắm hành 250 g")
    page.get_by_label("Giá bán (đồng)").fill("55.000")
    page.get_by_label("Số lượng còn").fill("40")
    page.get_by_label("Khối lượng (gam)").fill("250")
    page.get_by_label("Ảnh sản phẩm").set_input_files(
        {"name": "IMG_20260115.jpg", "mimeType": "image/jpeg", "buffer": phone_photo()}
    )
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), (
        "the form scrolls sideways"
    )
    save = page.get_by_role("button", name="Lưu sản phẩm")
    assert save.bounding_box()["height"] >= 44
    save.tap()

    expect(page).to_have_url(re.compile(r"/seller/products/$"))
    expect(page.get_by_text("Đã thêm sản phẩm “Cơm cháy mắm hành 250 g”.")).to_be_visible()
    row = page.locator("#seller-products li").filter(has_text="Cơm cháy mắm hành 250 g")
    expect(row).to_contain_text("55.000 ₫")
    expect(row.locator("img")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")

    # The photo was resized on the server, and the product is on sale at once.
    product = Product.objects.get(title="Cơm cháy mắm hành 250 g")
    assert Image.open(product.primary_image().original.path).size == (1600, 1200)
    page.goto(product.get_absolute_url())
    expect(page.get_by_role("heading", name="Cơm cháy mắm hành 250 g")).to_be_visible()
    expect(page.locator("#seller-info")).to_contain_text("Hợp tác xã Cơm cháy Gia Sinh")
    assert not page.errors
