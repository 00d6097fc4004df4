"""Each complaint sent through the complaints page gets a number (KN-2026-000123), a status
(Đã tiếp nhận, Đang xử lý, Đã trả lời, Đã đóng) and time limits (acknowledge in 24 hours, answer in
3 working days: marketplace/moderation/limits.py); the complainant follows it through a signed link
(no account needed) and staff answer in /dashboard/moderation/complaints/."""

from datetime import datetime

import pytest
from django.utils import timezone

from cms.models import ComplaintField
from marketplace.moderation.limits import add_working_days
from marketplace.moderation.models import Complaint, ComplaintStatus
from marketplace.moderation.selectors import complaint_token


@pytest.fixture
def complaints_page(legal_pages):
    page = legal_pages[2]
    ComplaintField.objects.create(page=page, label="Email", field_type="email", required=False, sort_order=5)
    return page


def send(client, **extra):
    data = {"ho_va_ten": "Nguyễn Văn An", "noi_dung_khieu_nai": "Hàng giao bị vỡ.", "email": "an@example.vn"}
    data.update(extra)
    return client.post("/khieu-nai/", data)


@pytest.mark.django_db
def test_a_complaint_gets_a_number_a_link_and_an_email(
    client, complaints_page, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        page = send(client).content.decode()
    complaint = Complaint.objects.get()
    year = timezone.localdate().year
    assert complaint.number == f"KN-{year}-{complaint.pk:06d}"
    assert complaint.status == ComplaintStatus.RECEIVED and complaint.get_status_display() == "Đã tiếp nhận"
    assert (complaint.name, complaint.email) == ("Nguyễn Văn An", "an@example.vn")
    assert complaint.number in page and f"/complaints/status/{complaint_token(complaint)}/" in page
    receipt, staff_mail = sorted(mailoutbox, key=lambda m: m.to)
    assert staff_mail.to == ["khieunai@lienminh.example.vn"]  # Wagtail's email to staff is still sent
    assert (
        receipt.to == ["an@example.vn"]
        and receipt.subject == f"Chợ HTX đã tiếp nhận khiếu nại {complaint.number}"
    )
    assert f"/complaints/status/{complaint_token(complaint)}/" in receipt.body

    status = client.get(f"/complaints/status/{complaint_token(complaint)}/").content.decode()
    assert complaint.number in status and "Đã tiếp nhận" in status and "Hàng giao bị vỡ." in status


@pytest.mark.django_db
def test_a_forged_or_guessed_link_shows_nothing(client, complaints_page):
    send(client)
    complaint = Complaint.objects.get()
    assert client.get(f"/complaints/status/{complaint.pk}/").status_code == 404
    assert client.get(f"/complaints/status/{complaint_token(complaint)[:-2]}xx/").status_code == 404


@pytest.mark.django_db
def test_staff_take_up_answer_and_close_and_the_complainant_sees_each_status(
    client, complaints_page, staff_user, signed_in, mailoutbox, django_capture_on_commit_callbacks
):
    send(client)
    complaint = Complaint.objects.get()
    link = f"/complaints/status/{complaint_token(complaint)}/"
    staff = signed_in(staff_user)
    queue = staff.get("/dashboard/moderation/complaints/").content.decode()
    assert complaint.number in queue and "0 giờ trước" in queue
    url = f"/dashboard/moderation/complaints/{complaint.pk}/"
    staff.post(url, {"action": "handling", "text": ""})
    assert "Đang xử lý" in client.get(link).content.decode()
    refused = staff.post(url, {"action": "answered", "text": ""})
    assert refused.status_code == 400 and "Hãy viết câu trả lời." in refused.content.decode()
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        staff.post(url, {"action": "answered", "text": "Hợp tác xã sẽ gửi lại hàng mới trong 2 ngày."})
    page = client.get(link).content.decode()
    assert "Đã trả lời" in page and "gửi lại hàng mới" in page
    assert [m.subject for m in mailoutbox] == [f"Trả lời khiếu nại {complaint.number}"]
    staff.post(url, {"action": "closed", "text": ""})
    assert "Đã đóng" in client.get(link).content.decode()
    complaint.refresh_from_db()
    assert complaint.acknowledged_at and complaint.answered_at and complaint.closed_at
    kinds = list(complaint.events.values_list("kind", flat=True))
    assert kinds == ["complaint_received", "complaint_handling", "complaint_answered", "complaint_closed"]
    again = staff.post(url, {"action": "handling", "text": ""})
    assert again.status_code == 400


@pytest.mark.django_db
def test_time_limits_come_from_one_module(complaints_page, client):
    send(client)
    complaint = Complaint.objects.get()
    assert (complaint.acknowledge_due_at - complaint.received_at).total_seconds() == 24 * 3600
    assert complaint.answer_due_at == add_working_days(complaint.received_at, 3)


def test_working_days_skip_the_weekend():
    friday = datetime(2026, 12, 4, 9, 30)
    assert add_working_days(friday, 3) == datetime(2026, 12, 9, 9, 30)  # Mon, Tue, Wed
    assert add_working_days(datetime(2026, 12, 1, 9, 30), 3) == datetime(2026, 12, 4, 9, 30)


def test_working_days_skip_public_holidays_tet_and_reunification_day():
    # A complaint the day before the Tết holiday of 2027 (4–10 February) is due three working days
    # after it ends: Thursday 11, Friday 12, Monday 15.
    assert add_working_days(datetime(2027, 2, 3, 10, 0), 3) == datetime(2027, 2, 15, 10, 0)
    # 30 April and 1 May 2026 (Thursday and Friday): Wednesday 29 April + 3 = Wednesday 6 May.
    assert add_working_days(datetime(2026, 4, 29, 8, 0), 3) == datetime(2026, 5, 6, 8, 0)
    # National Day, 1–2 September 2026 (the 31 August bridge day too).
    assert add_working_days(datetime(2026, 8, 28, 8, 0), 1) == datetime(2026, 9, 3, 8, 0)


@pytest.mark.django_db
def test_only_alliance_staff_see_complaints(complaints_page, client, customer, seller_a, signed_in):
    send(client)
    complaint = Complaint.objects.get()
    for user in (customer, seller_a.user):
        assert signed_in(user).get(f"/dashboard/moderation/complaints/{complaint.pk}/").status_code == 403
