"""A visitor reports a product from its page on a 360 px phone; alliance staff see the report in the
queue with its clock. Screenshots at 360 and 1366 px go to var/test-results/moderation/; axe-core
finds no critical or serious problem on either screen at either width."""

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from marketplace.moderation.models import Report
from tests.browser.conftest import RESULTS_DIR
from tests.factories import CooperativeFactory, make_product
from tests.helpers.browser import no_sideways_scroll

SHOTS = RESULTS_DIR / "moderation"


def serious(page, context=None) -> list[str]:
    results = Axe().run(page, context=context).response
    return [
        f"{v['id']}: {v['help']} ({', '.join(str(n['target']) for n in v['nodes'][:3])})"
        for v in results["violations"]
        if v["impact"] in ("critical", "serious")
    ]


#: Oscar's dashboard frame (its navigation bar and breadcrumbs, Bootstrap's colours) is Oscar's own
#: look and not part of these screens: axe checks the dashboard's content.
DASHBOARD_CONTENT = {"exclude": [[".navbar"], [".breadcrumb"]]}


def check(page, name, context=None):
    """Both widths: no sideways scroll on the phone, a screenshot each, axe clean."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    problems = {}
    for width, height in ((360, 740), (1366, 900)):
        page.set_viewport_size({"width": width, "height": height})
        page.evaluate("window.scrollTo(0, 0)")
        if width == 360:
            assert no_sideways_scroll(page), f"{name} scrolls sideways at 360 px"
            assert page.evaluate("document.body.scrollWidth <= window.innerWidth"), f"{name} is too wide"
        page.screenshot(path=SHOTS / f"{name}-{width}.png", full_page=True)
        problems[width] = serious(page, context)
    page.set_viewport_size({"width": 360, "height": 740})
    assert problems == {360: [], 1366: []}, problems


def test_a_visitor_reports_a_product_and_staff_see_it_in_the_queue(phone_page, live_shop, django_user_model):
    page = phone_page
    cooperative = CooperativeFactory(name="Hợp tác xã Cơm cháy Gia Sinh")
    product = make_product(cooperative, title="Cơm cháy chà bông 200 g", price=45000, stock=5)

    page.goto(product.get_absolute_url())
    page.get_by_role("link", name="Báo cáo vi phạm").tap()
    expect(page.get_by_role("heading", name="Báo cáo vi phạm", level=1)).to_be_visible()
    page.get_by_role("button", name="Gửi báo cáo").tap()  # nothing chosen: the messages show
    expect(page.get_by_text("Hãy chọn loại vi phạm.")).to_be_visible()
    check(page, "report-form-errors")
    page.get_by_label("Không bảo đảm an toàn thực phẩm").check()
    page.get_by_label("Bạn thấy điều gì sai?").fill("Gói bánh nhận được đã mốc, hạn dùng bị tẩy sửa.")
    page.get_by_label("Email hoặc số điện thoại").fill("0912 345 678")
    check(page, "report-form")
    page.get_by_role("button", name="Gửi báo cáo").tap()
    expect(page.locator("#report-sent")).to_be_visible()
    assert Report.objects.get().reason == "food_safety"

    staff = django_user_model.objects.create_superuser(email="kiemsoat@chohtx.vn", password="pw-staff-123")
    sign_in_staff(page, live_shop, staff)
    page.goto("/dashboard/moderation/")
    queue = page.locator("#report-queue")
    expect(queue).to_contain_text("Cơm cháy chà bông 200 g")
    expect(queue).to_contain_text("0 giờ trước")
    check(page, "dashboard-queue", DASHBOARD_CONTENT)


def sign_in_staff(page, live_shop, user):
    """Staff pass the second factor: the session carries the confirmed device, as after a code."""
    from django.test import Client
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    client = Client()
    client.force_login(user)
    session = client.session
    device = TOTPDevice.objects.create(user=user, name="điện thoại", confirmed=True)
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    page.context.clear_cookies()
    page.context.add_cookies([{"name": "sessionid", "value": session.session_key, "url": live_shop}])
