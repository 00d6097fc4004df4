"""Anyone reports a violation from a product page or a storefront ("Báo cáo vi phạm"); reports wait
in the alliance's queue with how long they have waited and when they are due; only alliance staff
see the queue, and a report turns into a takedown or is dismissed, with its history kept."""

from datetime import timedelta

import pytest
from django.utils import timezone

from marketplace.moderation.models import Report, ReportStatus


@pytest.mark.django_db
def test_a_visitor_reports_a_product_from_its_page(client, seller_a, home):
    page = client.get(seller_a.product.get_absolute_url()).content.decode()
    assert f'href="/report/?product={seller_a.product.pk}"' in page and "Báo cáo vi phạm" in page
    form = client.get(f"/report/?product={seller_a.product.pk}").content.decode()
    assert "Cơm cháy chà bông 200 g" in form and "Hàng giả, hàng nhái" in form
    response = client.post(
        f"/report/?product={seller_a.product.pk}",
        {"reason": "food_safety", "text": "Bánh bị mốc khi nhận.", "contact": "0912 345 678"},
    )
    assert response.status_code == 302
    assert "Cảm ơn bạn" in client.get(response["Location"]).content.decode()
    report = Report.objects.get()
    assert (report.product, report.partner, report.reason) == (
        seller_a.product,
        seller_a.partner,
        "food_safety",
    )
    assert report.contact == "0912 345 678" and report.reporter is None
    assert list(report.events.values_list("kind", flat=True)) == ["report_received"]


@pytest.mark.django_db
def test_a_storefront_has_the_link_and_bad_reports_get_clear_messages(client, seller_a, home):
    code = seller_a.partner.code
    assert f'href="/report/?cooperative={code}"' in client.get(f"/cooperatives/{code}/").content.decode()
    response = client.post(f"/report/?cooperative={code}", {"reason": "nonsense", "text": ""})
    page = response.content.decode()
    assert response.status_code == 400
    assert "Hãy chọn loại vi phạm." in page and "Hãy mô tả vi phạm bạn thấy." in page
    assert not Report.objects.exists()
    assert client.get("/report/?cooperative=khong-co").status_code == 404
    assert client.get("/report/?product=999999").status_code == 404


@pytest.mark.django_db
def test_reports_are_rate_limited(client, seller_a, home):
    url = f"/report/?product={seller_a.product.pk}"
    for __ in range(5):
        client.post(url, {"reason": "other", "text": "Sai giá."})
    assert client.post(url, {"reason": "other", "text": "Sai giá."}).status_code == 429
    assert Report.objects.count() == 5


@pytest.mark.django_db
def test_the_queue_shows_waiting_time_and_due_time_and_turns_a_report_into_a_takedown(
    client, seller_a, seller_b, staff_user, signed_in
):
    client.post(f"/report/?product={seller_a.product.pk}", {"reason": "counterfeit", "text": "Nhái nhãn."})
    late = Report.objects.get()
    Report.objects.filter(pk=late.pk).update(received_at=timezone.now() - timedelta(hours=30))
    client.post(
        f"/report/?cooperative={seller_b.partner.code}", {"reason": "other", "text": "Không giao hàng."}
    )
    staff = signed_in(staff_user)
    queue = staff.get("/dashboard/moderation/").content.decode()
    assert queue.index("Cơm cháy chà bông") < queue.index("Hợp tác xã Mắm tép Gia Viễn")  # oldest first
    assert "30 giờ trước" in queue and "Quá hạn" in queue and "0 giờ trước" in queue

    response = staff.post(
        f"/dashboard/moderation/reports/{late.pk}/",
        {"action": "take_down", "reason": "counterfeit", "explanation": "Nhãn giả mạo thương hiệu."},
    )
    assert response.status_code == 302
    late.refresh_from_db()
    assert late.status == ReportStatus.TAKEN_DOWN
    assert list(late.events.values_list("kind", flat=True)) == ["report_received", "taken_down"]
    other = Report.objects.exclude(pk=late.pk).get()
    staff.post(
        f"/dashboard/moderation/reports/{other.pk}/", {"action": "dismiss", "note": "Đã gọi, hàng đã giao."}
    )
    other.refresh_from_db()
    assert other.status == ReportStatus.DISMISSED
    waiting = staff.get("/dashboard/moderation/").content.decode()
    assert "Không có báo cáo nào." in waiting
    handled = staff.get("/dashboard/moderation/?handled=1").content.decode()
    assert "Đã gỡ" in handled and "Không vi phạm" in handled


@pytest.mark.django_db
def test_cooperatives_and_customers_never_see_the_queue_or_who_reported(
    client, seller_a, seller_b, customer, signed_in
):
    client.post(
        f"/report/?product={seller_a.product.pk}",
        {"reason": "other", "text": "Báo cáo bí mật", "contact": "nguoibaocao@example.vn"},
    )
    report = Report.objects.get()
    for user in (seller_a.user, seller_b.user, customer):
        someone = signed_in(user)
        for url in ("/dashboard/moderation/", f"/dashboard/moderation/reports/{report.pk}/"):
            response = someone.get(url)
            assert response.status_code == 403, (user, url)
            assert "nguoibaocao@example.vn" not in response.content.decode()
        assert "nguoibaocao@example.vn" not in someone.get("/seller/takedowns/").content.decode()
