"""A cooperative records a batch on a 360 px phone; a buyer opens its provenance page. Both screens
are photographed at 360 and 1366 px (var/test-results/traceability/) and pass axe-core."""

import re
from datetime import date, timedelta

from playwright.sync_api import expect

from marketplace.ocop.models import Certificate, Verification
from marketplace.traceability import services
from tests.browser.conftest import RESULTS_DIR
from tests.browser.test_shop_quality import axe_problems
from tests.factories import CooperativeFactory, make_product
from tests.helpers.browser import no_sideways_scroll, sign_in
from tests.helpers.uploads import jpeg_upload

SHOTS = RESULTS_DIR / "traceability"


def check(page, name):
    """Screenshots at both widths, no sideways scroll on the phone, no serious axe-core violation."""
    from axe_playwright_python.sync_playwright import Axe

    SHOTS.mkdir(parents=True, exist_ok=True)
    problems = []
    for width, size in (("360", {"width": 360, "height": 740}), ("1366", {"width": 1366, "height": 900})):
        page.set_viewport_size(size)
        page.screenshot(path=SHOTS / f"{name}-{width}.png", full_page=True)
        problems += axe_problems(Axe().run(page).response)
    page.set_viewport_size({"width": 360, "height": 740})
    assert no_sideways_scroll(page)
    assert not problems, problems


def test_a_batch_recorded_on_a_phone_and_its_provenance_page(phone_page, live_shop, django_user_model):
    page = phone_page
    cooperative = CooperativeFactory(name="Hợp tác xã Nông nghiệp Hải Hậu")
    rice = make_product(
        cooperative, title="Gạo tám xoan Hải Hậu túi 5 kg hút chân không", sku="8930000000019"
    )
    certificate = Certificate.objects.create(
        partner=cooperative,
        stars=4,
        group_code="I.2a",
        decision_number="1234/QĐ-UBND",
        signed_on=date.today() - timedelta(days=100),
        issuer="UBND tỉnh Ninh Bình",
        status=Verification.VERIFIED,
    )
    user = django_user_model.objects.create_user(email="haihau@example.vn", password="pw-phone-123")
    cooperative.users.add(user)
    sign_in(page, live_shop, user)

    page.goto("/seller/batches/")
    page.get_by_role("link", name="+ Tạo lô mới").tap()
    expect(page.get_by_role("heading", name="Tạo lô mới", level=1)).to_be_visible()
    page.get_by_label("Sản phẩm").select_option(label=rice.title)
    page.get_by_label("Mã lô").fill("HH-TX-2610-01")
    page.get_by_label("Số lượng của lô").fill("200")
    page.get_by_label("Trang trại, cánh đồng hoặc hộ thành viên").fill("Cánh đồng thôn Quyết Thắng")
    check(page, "seller-batch-form")
    page.get_by_role("button", name="Tạo lô").tap()
    expect(page).to_have_url(re.compile(r"/seller/batches/\d+/$"))
    expect(page.get_by_text("Đã tạo lô HH-TX-2610-01.")).to_be_visible()

    batch = rice.batches.get()
    today = date.today()
    steps = [
        ("sowing", 150, "Chân ruộng thôn Quyết Thắng", "Giống tám xoan thuần, mạ gieo khay."),
        ("harvest", 40, "Cánh đồng mẫu lớn", "Gặt máy, phơi 2 nắng trên sân gạch."),
        ("processing", 25, "Xưởng xay xát của hợp tác xã", "Xát trắng, không đánh bóng."),
    ]
    for kind, days, place, note in steps:
        photo = jpeg_upload() if kind == "harvest" else None
        services.batch_step_add(
            batch=batch,
            kind=kind,
            happened_on=today - timedelta(days=days),
            place=place,
            note=note,
            photo=photo,
        )
    services.batch_certificate_add(batch=batch, kind="ocop", ocop=certificate)
    services.batch_certificate_add(
        batch=batch,
        kind="vietgap",
        number="VietGAP-TT-07-24-0391",
        issuer="Quacert",
        valid_until=today - timedelta(days=3),
    )

    # The last step typed on the phone.
    page.reload()
    page.get_by_text("+ Thêm công đoạn").tap()
    page.get_by_label("Công đoạn", exact=True).select_option(label="Đóng gói")
    page.get_by_label("Ngày", exact=True).fill((today - timedelta(days=20)).isoformat())
    page.get_by_label("Địa điểm").fill("Xưởng đóng gói của hợp tác xã")
    page.get_by_role("button", name="Thêm công đoạn").tap()
    expect(page.get_by_text("Đã thêm công đoạn “Đóng gói”.")).to_be_visible()
    check(page, "seller-batch-detail")

    page.context.clear_cookies()
    page.goto("/01/08930000000019/10/HH-TX-2610-01")
    expect(page.get_by_role("heading", name=rice.title, level=1)).to_be_visible()
    expect(page.locator(".trace__step")).to_have_count(4)
    expect(page.locator("#provenance")).to_contain_text("Đã hết hạn ngày")
    expect(page.locator("#provenance")).to_contain_text("Liên minh HTX đã xác minh")
    check(page, "provenance")
    assert not page.errors
