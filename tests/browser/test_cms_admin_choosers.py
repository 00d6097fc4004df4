"""An editor on a laptop (1366 px) and on a phone (360 px) links a story to a product by typing its
name without accents in the Vietnamese admin; screenshots of the editor and the chooser are kept in
var/test-results/ to look at."""

import pytest
from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect
from wagtail.models import Site

from cms import services
from cms.models import StoryIndexPage, StoryPage
from tests.factories import CooperativeFactory, make_product
from tests.helpers.cms import add_page, add_story

WIDTHS = {"1366": {"width": 1366, "height": 900}, "360": {"width": 360, "height": 740}}


@pytest.fixture
def story(live_shop, django_user_model):
    groups = services.editorial_setup_ensure()
    editor = django_user_model.objects.create_user(email="bientap@chohtx.vn", password="pw-editor-123")
    editor.groups.add(groups["editors"])
    home = Site.objects.get(is_default_site=True).root_page
    index = add_page(home, StoryIndexPage(title="Câu chuyện OCOP", slug="stories"))
    gia_sinh = CooperativeFactory(name="Hợp tác xã Cơm cháy Gia Sinh")
    make_product(gia_sinh, title="Cơm cháy chà bông 200 g", price=45000, image=True)
    make_product(gia_sinh, title="Cơm cháy lá sen (ngừng bán)", price=50000, is_public=False)
    make_product(CooperativeFactory(name="Hợp tác xã Mắm tép Gia Viễn"), title="Mắm tép Gia Viễn 500 g")
    return editor, add_story(index, title="Cơm cháy Gia Sinh", publish=False)


def _sign_in(page, live_shop, user):
    """Signed in with the second factor confirmed, as the code page leaves an editor."""
    client = Client()
    client.force_login(user)
    device = TOTPDevice.objects.create(user=user, name="điện thoại", confirmed=True)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_shop}]
    )


@pytest.mark.parametrize("width", WIDTHS)
def test_an_editor_links_a_product_by_typing_in_vietnamese(browser, live_shop, story, width):
    editor, page_obj = story
    context = browser.new_context(base_url=live_shop, locale="vi-VN", viewport=WIDTHS[width])
    page = context.new_page()
    _sign_in(page, live_shop, editor)
    page.goto(f"/cms-admin/pages/{page_obj.pk}/edit/")
    expect(page.get_by_role("button", name="Lưu bản nháp")).to_be_visible()
    chooser = page.locator("[data-chohtx-multiple-chooser]").first
    chooser.scroll_into_view_if_needed()
    expect(chooser).to_contain_text("Chưa chọn mục nào.")
    page.screenshot(path=f"var/test-results/cms-admin-story-editor-{width}.png")

    chooser.get_by_role("button", name="Thêm sản phẩm").click()
    modal = page.locator(".modal-content")
    expect(modal.get_by_role("heading", name="Chọn sản phẩm")).to_be_visible()
    modal.get_by_placeholder("Gõ tên sản phẩm, ví dụ: com chay").fill("com chay")
    row = modal.locator("tr", has_text="Cơm cháy chà bông 200 g")
    expect(row).to_contain_text("45.000 ₫")
    expect(row).to_contain_text("Hợp tác xã Cơm cháy Gia Sinh")
    expect(row.locator("img")).to_be_visible()
    expect(modal.locator("tr", has_text="Mắm tép")).to_have_count(0)
    expect(modal.get_by_text("ngừng bán")).to_have_count(0)
    page.screenshot(path=f"var/test-results/cms-admin-product-chooser-{width}.png")

    row.get_by_role("checkbox").check()
    modal.get_by_role("button", name="Xác nhận lựa chọn").click()
    expect(chooser).to_contain_text("Cơm cháy chà bông 200 g")
    page.get_by_role("button", name="Lưu bản nháp").click()
    expect(page.locator(".messages")).to_contain_text("Đã cập nhật trang")
    saved = StoryPage.objects.get(pk=page_obj.pk).get_latest_revision_as_object()
    assert [p.title for p in saved.products.all()] == ["Cơm cháy chà bông 200 g"]
    context.close()
