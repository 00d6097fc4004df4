"""An alliance editor writes a story featuring a product and submits it; a moderator approves it;
the product page then shows the story. Driven through the real Wagtail admin in Chromium."""

import re

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect
from wagtail.models import Site

from cms import services
from cms.models import StoryIndexPage, StoryPage
from tests.factories import CooperativeFactory, make_product

PASSWORD = "pw-browser-123"
TITLE = "Nem chua Yên Mạc và lá đinh lăng"


@pytest.fixture
def newsroom(live_shop, django_user_model):
    groups = services.editorial_setup_ensure()
    editor = django_user_model.objects.create_user(email="bientap@chohtx.vn", password=PASSWORD)
    editor.groups.add(groups["editors"])
    moderator = django_user_model.objects.create_user(email="kiemduyet@chohtx.vn", password=PASSWORD)
    moderator.groups.add(groups["moderators"])
    # Editors and moderators use the back office, so they confirm a code from their app.
    for person in (editor, moderator):
        TOTPDevice.objects.create(user=person, name="phone", confirmed=True)
    home = Site.objects.get(is_default_site=True).root_page
    index = StoryIndexPage(title="Câu chuyện OCOP", slug="stories")
    home.add_child(instance=index)
    index.save_revision().publish()
    product = make_product(
        CooperativeFactory(name="Hộ kinh doanh Nem chua Yên Mạc"), title="Nem chua Yên Mạc gói 10 chiếc"
    )
    return index, product


def sign_in(page, email):
    page.goto("/cms-admin/login/")
    page.get_by_label("Địa chỉ email").fill(email)
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.locator("form button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/accounts/two-factor/"))
    device = TOTPDevice.objects.get(user__email=email)
    code = totp(device.bin_key, device.step, device.t0, device.digits, device.drift)
    page.locator("input[name=token]").fill(f"{code:0{device.digits}d}")
    page.locator("#two-factor-verify form button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/cms-admin/$"))


def test_editor_writes_moderator_approves_product_page_shows_story(browser, live_shop, newsroom):
    index, product = newsroom

    # The editor writes the story, links the product and submits it for moderation.
    editor = browser.new_context(base_url=live_shop, locale="vi-VN")
    page = editor.new_page()
    sign_in(page, "bientap@chohtx.vn")
    page.goto(f"/cms-admin/pages/add/cms/storypage/{index.pk}/")
    page.get_by_placeholder("Tiêu đề trang*").fill(TITLE)
    page.get_by_role("textbox", name="Sa pô").fill("Gói nem phải có lá đinh lăng và đủ ba ngày để chín.")
    # The product is found by typing, without accents, in the chooser, and ticked.
    page.get_by_role("button", name="Thêm sản phẩm").click()
    modal = page.locator(".modal-content")
    modal.get_by_placeholder("Gõ tên sản phẩm, ví dụ: com chay").fill("nem chua yen mac")
    modal.get_by_title("Chọn Nem chua Yên Mạc gói 10 chiếc").check()
    modal.get_by_role("button", name="Xác nhận lựa chọn").click()
    expect(page.locator("[data-chohtx-multiple-chooser]").first).to_contain_text(
        "Nem chua Yên Mạc gói 10 chiếc"
    )
    page.get_by_role("button", name="Thao tác khác").click()
    page.get_by_role("button", name=re.compile(services.WORKFLOW_NAME)).click()
    expect(page.locator(".messages")).to_contain_text("gửi kiểm duyệt trang")
    story = StoryPage.objects.get(title=TITLE)
    assert not story.live
    page.goto(product.get_absolute_url())
    expect(page.get_by_text(TITLE)).to_have_count(0)
    editor.close()

    # The moderator finds it awaiting review and approves it, which publishes it.
    moderator = browser.new_context(base_url=live_shop, locale="vi-VN")
    page = moderator.new_page()
    sign_in(page, "kiemduyet@chohtx.vn")
    page.get_by_role("link", name=TITLE).click()
    expect(page).to_have_url(re.compile(rf"/cms-admin/pages/{story.pk}/edit/$"))
    page.get_by_role("button", name="Thao tác khác").click()
    page.get_by_role("button", name=re.compile(r"^Duyệt\s*và xuất bản")).click()
    expect(page.locator(".messages")).to_contain_text(TITLE)
    story.refresh_from_db()
    assert story.live
    moderator.close()

    # A shopper sees the story on the product page and follows it.
    shopper = browser.new_context(base_url=live_shop, locale="vi-VN")
    page = shopper.new_page()
    page.goto(product.get_absolute_url())
    stories = page.get_by_role("region", name="Câu chuyện về sản phẩm này")
    expect(stories.get_by_role("link", name=TITLE)).to_be_visible()
    stories.get_by_role("link", name=TITLE).click()
    expect(page.get_by_role("heading", name=TITLE, level=1)).to_be_visible()
    expect(page.get_by_role("region", name="Sản phẩm trong câu chuyện")).to_contain_text(
        "Nem chua Yên Mạc gói 10 chiếc"
    )
    shopper.close()
