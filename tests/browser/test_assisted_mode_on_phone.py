"""Alliance staff act for a cooperative from a 360 px phone; the cooperative's owner reads the record."""

import re

from django.contrib.auth.models import Permission
from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from marketplace.partner.models import Role
from tests.factories import CooperativeFactory, make_product


def sign_in(page, live_shop, user, *, second_factor=False):
    client = Client()
    client.force_login(user)
    if second_factor:  # as the code page does after a correct code
        device = TOTPDevice.objects.create(user=user, name="điện thoại", confirmed=True)
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()
    page.context.clear_cookies()
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_shop}]
    )


def no_sideways_scroll(page):
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_staff_act_for_a_cooperative_and_its_owner_sees_what_they_did(
    phone_page, live_shop, django_user_model
):
    page = phone_page
    cooperative = CooperativeFactory(name="Hợp tác xã Cói Kim Sơn")
    make_product(cooperative, title="Làn cói đan tay", stock=5)
    owner = django_user_model.objects.create_user(email="coi@example.vn", password="pw-owner-123")
    cooperative.users.add(owner, through_defaults={"role": Role.OWNER})
    staff = django_user_model.objects.create_user(
        email="hoa@lienminhhtx.vn", password="pw-staff-123", first_name="Hoa"
    )
    staff.is_staff = True
    staff.save()
    staff.user_permissions.add(Permission.objects.get(codename="act_for_cooperative"))
    sign_in(page, live_shop, staff, second_factor=True)

    page.goto("/dashboard/applications/assist/?q=cói")
    row = page.locator("#assist-cooperatives tr").filter(has_text="Hợp tác xã Cói Kim Sơn")
    row.get_by_role("button", name="Thao tác thay").tap()

    expect(page).to_have_url(re.compile(r"/seller/$"))
    banner = page.locator("#assist-banner")
    expect(banner).to_contain_text("Bạn đang thao tác thay cho Hợp tác xã Cói Kim Sơn")
    assert no_sideways_scroll(page)
    page.screenshot(path="var/test-results/assisted-overview-360.png", full_page=True)

    page.goto("/seller/products/new/")
    expect(banner).to_be_visible()
    page.get_by_label("Tên sản phẩm").fill("Thảm cói Kim Sơn 1,2 m")
    page.get_by_label("Giá bán (đồng)").fill("180.000")
    page.get_by_label("Số lượng còn").fill("8")
    page.get_by_role("button", name="Lưu sản phẩm").tap()
    expect(page.get_by_text("Đã thêm sản phẩm “Thảm cói Kim Sơn 1,2 m”.")).to_be_visible()

    page.goto("/seller/bank/")  # the payout account stays with the cooperative
    expect(page).to_have_url(re.compile(r"/seller/$"))
    expect(page.get_by_text("Việc này chỉ người của hợp tác xã tự làm")).to_be_visible()

    leave = banner.get_by_role("button", name="Thôi thao tác thay")
    assert leave.bounding_box()["height"] >= 44
    leave.tap()
    expect(page).to_have_url(re.compile(r"/dashboard/applications/assist/$"))

    sign_in(page, live_shop, owner)
    page.goto("/seller/history/")
    history = page.locator("#assisted-history")
    expect(history).to_contain_text("Thêm sản phẩm: Thảm cói Kim Sơn 1,2 m")
    expect(history).to_contain_text("cán bộ Hoa")
    expect(page.locator("#assist-banner")).to_have_count(0)
    assert no_sideways_scroll(page)
    page.screenshot(path="var/test-results/assisted-history-360.png", full_page=True)

    page.goto("/seller/qr/")
    expect(page.get_by_role("img", name=re.compile("Mã QR mở gian hàng"))).to_be_visible()
    assert no_sideways_scroll(page)
    page.screenshot(path="var/test-results/storefront-qr-360.png", full_page=True)
    assert not page.errors
