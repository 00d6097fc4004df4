"""On a 360 px phone, a cooperative sets how it delivers and watches the sentence buyers will read
change; then imports a spreadsheet of products and watches the import run to its summary."""

import io

import openpyxl
from django.test import Client
from playwright.sync_api import expect

from marketplace.catalogue.models import Product
from marketplace.delivery.models import ShippingSettings
from marketplace.product_import.columns import COLUMNS
from tests.factories import CooperativeFactory, make_product

SHOTS = "var/test-results/screens"


def sign_in(page, live_shop, user):
    client = Client()
    client.force_login(user)
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_shop}]
    )


def no_sideways_scroll(page):
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), "scrolls sideways"


def cooperative_with_owner(django_user_model):
    cooperative = CooperativeFactory(name="Hợp tác xã Cơm cháy Gia Sinh")
    make_product(cooperative, title="Cơm cháy chà bông 200 g", stock=20)
    user = django_user_model.objects.create_user(email="giasinh@example.vn", password="pw-phone-123")
    cooperative.users.add(user)
    return cooperative, user


def test_cooperative_sets_shipping_and_sees_the_sentence(phone_page, live_shop, django_user_model):
    page = phone_page
    cooperative, user = cooperative_with_owner(django_user_model)
    sign_in(page, live_shop, user)
    page.goto("/seller/")
    page.get_by_role("link", name="Giao hàng").tap()
    expect(page.get_by_role("heading", name="Cách giao hàng", level=1)).to_be_visible()
    sentence = page.get_by_test_id("shipping-sentence")
    expect(sentence).to_have_text("Giao toàn quốc, miễn phí giao hàng.")

    page.get_by_label("Phí giao hàng mỗi đơn (đồng)").fill("30.000")
    page.get_by_label("Miễn phí giao hàng cho đơn từ (đồng)").fill("500000")
    expect(sentence).to_have_text("Giao toàn quốc, 30.000\xa0₫, miễn phí từ 500.000\xa0₫.")
    expect(
        page.get_by_role("checkbox", name="Hà Nội")
    ).to_be_hidden()  # the province list shows only when needed
    page.get_by_label("Chỉ một số tỉnh, thành phố").check()
    page.get_by_role("checkbox", name="Ninh Bình").check()
    expect(sentence).to_have_text("Giao trong tỉnh Ninh Bình, 30.000\xa0₫, miễn phí từ 500.000\xa0₫.")
    page.get_by_label("Cho khách đến nhận hàng tại hợp tác xã").check()
    page.get_by_label("Giờ mở cửa").fill("7:00–17:00")
    expect(sentence).to_contain_text("Nhận tại chỗ: Thôn Tập Ninh, Xã Gia Viễn, tỉnh Ninh Bình (7:00–17:00).")
    no_sideways_scroll(page)
    page.screenshot(path=f"{SHOTS}/seller-shipping-360.png", full_page=True)

    save = page.get_by_role("button", name="Lưu cách giao hàng")
    assert save.bounding_box()["height"] >= 44
    save.tap()
    expect(page.get_by_text("Đã lưu cách giao hàng.")).to_be_visible()
    saved = ShippingSettings.objects.get(partner=cooperative)
    assert (saved.flat_fee, saved.free_above, saved.provinces, saved.pickup) == (
        30000,
        500000,
        ["Ninh Bình"],
        True,
    )

    page.goto(f"/cooperatives/{cooperative.code}/")
    expect(page.get_by_test_id("shipping-summary")).to_contain_text("Giao trong tỉnh Ninh Bình, 30.000")
    page.set_viewport_size({"width": 1366, "height": 900})
    page.goto("/seller/shipping/")
    page.screenshot(path=f"{SHOTS}/seller-shipping-1366.png", full_page=True)


def product_file(rows: int) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Sản phẩm"
    sheet.append([column.heading for column in COLUMNS])
    for number in range(rows):
        values = {"sku": f"GS-{number:03d}", "title": f"Cơm cháy loại {number}", "price": 45000, "stock": 10}
        sheet.append([values.get(column.key, "") for column in COLUMNS])
    sheet.append(["GS-LOI", "Cơm cháy lỗi", "", "55k", 10])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_cooperative_imports_a_file_and_watches_it_to_the_summary(
    phone_page, live_shop, django_user_model, monkeypatch
):
    """The worker is played by this test: the outbox hands nothing to Celery, and the import runs
    here while the page polls the server."""
    from marketplace.outbox import services as outbox_services
    from marketplace.product_import.models import ProductImport
    from marketplace.product_import.services import product_import_run

    monkeypatch.setattr(outbox_services, "_dispatch_after_commit", lambda message_id: None)
    page = phone_page
    cooperative, user = cooperative_with_owner(django_user_model)
    sign_in(page, live_shop, user)
    page.goto("/seller/products/")
    page.get_by_role("link", name="Nhập nhiều sản phẩm từ tệp Excel").tap()
    expect(page.get_by_role("heading", name="Nhập sản phẩm từ tệp Excel", level=1)).to_be_visible()
    with page.expect_download() as download:
        page.get_by_role("link", name="Tải tệp mẫu").tap()
    assert download.value.suggested_filename == "mau-nhap-san-pham.xlsx"
    no_sideways_scroll(page)
    page.screenshot(path=f"{SHOTS}/seller-product-import-360.png", full_page=True)

    page.get_by_label("Tệp sản phẩm (.xlsx hoặc .csv)").set_input_files(
        {"name": "san-pham.xlsx", "mimeType": "application/octet-stream", "buffer": product_file(60)}
    )
    page.get_by_role("button", name="Tải lên và kiểm tra").tap()
    expect(page.get_by_test_id("import-problems")).to_contain_text(
        "Dòng 62 · Giá bán (đồng): giá “55k” không phải số"
    )
    assert not Product.objects.filter(upc__startswith="GS-").exists()
    no_sideways_scroll(page)
    page.screenshot(path=f"{SHOTS}/seller-product-import-report-360.png", full_page=True)

    page.get_by_role("button", name="Bỏ qua dòng lỗi, nhập 60 dòng còn lại").tap()
    expect(page.get_by_role("heading", name="Đang nhập…")).to_be_visible()
    expect(page.locator("#import-progress")).to_be_visible()
    no_sideways_scroll(page)
    page.screenshot(path=f"{SHOTS}/seller-product-import-progress-360.png", full_page=True)
    assert product_import_run(import_id=ProductImport.objects.get().pk) == "done"
    summary = page.get_by_test_id("import-summary")
    expect(summary).to_contain_text("Đã nhập xong", timeout=30000)
    expect(summary).to_contain_text("60")
    assert Product.objects.filter(upc__startswith="GS-", stockrecords__partner=cooperative).count() == 60
    no_sideways_scroll(page)
    page.screenshot(path=f"{SHOTS}/seller-product-import-done-360.png", full_page=True)
    page.set_viewport_size({"width": 1366, "height": 900})
    page.screenshot(path=f"{SHOTS}/seller-product-import-done-1366.png", full_page=True)
