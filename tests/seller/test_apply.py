"""Applying to join at /seller/apply/, and the alliance's review in /dashboard/applications/."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from marketplace.notifications.models import SentNotification
from marketplace.partner.models import Partner, Status
from tests.helpers.seller import APPLICATION, apply
from tests.helpers.uploads import jpeg_upload


@pytest.mark.django_db
def test_apply_page_asks_for_consent_without_ticking_it(client):
    html = client.get("/seller/apply/").content.decode()
    assert "Tôi đồng ý để Liên minh HTX tỉnh Ninh Bình xử lý dữ liệu cá nhân" in html
    consent = html[html.index('name="consent"') - 200 : html.index('name="consent"') + 200]
    assert 'type="checkbox"' in consent and "checked" not in consent
    assert 'accept="image/*,application/pdf"' in html


@pytest.mark.django_db
def test_a_person_applies_creates_an_account_and_is_emailed(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = apply(client)
    assert response.status_code == 302 and response["Location"] == "/seller/"
    partner = Partner.objects.get(name=APPLICATION["name"])
    assert partner.status == Status.APPLIED
    assert partner.phone == "+84912345678" and partner.legal_representative == "Đinh Văn Hùng"
    assert (partner.province, partner.commune, partner.commune_code) == ("Ninh Bình", "Xã Yên Mạc", "14743")
    assert partner.consent_given_at is not None and partner.applied_by.email == "hung@example.vn"
    assert list(partner.users.values_list("email", flat=True)) == ["hung@example.vn"]
    assert partner.registration_document.read().startswith(b"%PDF-")
    assert partner.status_changes.get().to_status == Status.APPLIED
    # signed in, in the seller centre, told the application is waiting
    overview = client.get("/seller/").content.decode()
    assert "Hồ sơ đang chờ Liên minh HTX xét duyệt" in overview
    assert len(mailoutbox) == 1
    assert mailoutbox[0].subject == "Chợ HTX đã nhận hồ sơ của Hợp tác xã Nông nghiệp Yên Mạc"
    assert set(mailoutbox[0].to) == {"htx.yenmac@example.vn", "hung@example.vn"}
    # not listed publicly while pending
    assert APPLICATION["name"] not in client.get("/cooperatives/").content.decode()
    assert client.get(f"/cooperatives/{partner.code}/").status_code == 404


@pytest.mark.django_db
def test_a_signed_in_customer_applies_without_a_new_account(client, customer, mailoutbox):
    client.force_login(customer)
    html = client.get("/seller/apply/").content.decode()
    assert "Mật khẩu" not in html
    response = client.post("/seller/apply/", {**APPLICATION, "document": jpeg_upload("giay.jpg")})
    assert response.status_code == 302
    assert Partner.objects.get(name=APPLICATION["name"]).users.get() == customer


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"consent": None}, "Bạn cần đồng ý xử lý dữ liệu cá nhân để nộp hồ sơ."),
        ({"phone": "12345"}, "Số điện thoại không đúng (ví dụ: 0912 345 678)."),
        ({"tax_code": "27AB"}, "Mã số thuế gồm 10 hoặc 13 chữ số."),
        ({"account-password2": "khac"}, "Hai mật khẩu không giống nhau."),
        (
            {"document": SimpleUploadedFile("giay.pdf", b"MZ\x90\x00 not a pdf", "application/pdf")},
            "Chỉ nhận ảnh chụp hoặc tệp PDF.",
        ),
    ],
)
def test_bad_applications_are_refused_with_a_clear_message_and_nothing_is_made(
    client, mailoutbox, changes, message
):
    document = changes.pop("document", None)
    response = apply(client, document=document, **changes)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Partner.objects.exists() and not mailoutbox
    assert not response.wsgi_request.user.is_authenticated


@pytest.mark.django_db
def test_alliance_lists_pending_applications_and_approves_with_an_email(
    client, staff_user, mailoutbox, django_capture_on_commit_callbacks
):
    apply(client)
    partner = Partner.objects.get()
    client.force_login(staff_user)
    listing = client.get("/dashboard/applications/").content.decode()
    assert APPLICATION["name"] in listing and "Đang chờ duyệt (1)" in listing
    detail = client.get(f"/dashboard/applications/{partner.pk}/").content.decode()
    assert "Đinh Văn Hùng" in detail and "09.07.000123" in detail
    document = client.get(f"/dashboard/applications/{partner.pk}/document/")
    assert document.status_code == 200 and b"".join(document.streaming_content).startswith(b"%PDF-")

    # Nobody sells before alliance staff have verified who the seller is.
    assert "Chưa xác minh: chưa thể duyệt" in detail
    refused = client.post(f"/dashboard/applications/{partner.pk}/", {"action": "approve", "reason": ""})
    assert refused.status_code == 400
    assert "Chưa xác minh danh tính người bán" in refused.content.decode()
    partner.refresh_from_db()
    assert partner.status == Status.APPLIED
    verified = client.post(
        f"/dashboard/applications/{partner.pk}/",
        {
            "action": "verify_identity",
            "method": "vneid",
            "document": "CCCD 037090001234 của người đại diện, bản gốc",
            "vneid_reference": "VNEID-037090001234",
        },
    )
    assert verified.status_code == 302
    detail = client.get(f"/dashboard/applications/{partner.pk}/").content.decode()
    assert (
        "Định danh điện tử VNeID" in detail and "VNEID-037090001234" in detail and staff_user.email in detail
    )

    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/dashboard/applications/{partner.pk}/", {"action": "approve", "reason": ""})
    assert response.status_code == 302
    partner.refresh_from_db()
    assert partner.identity_verified_by == staff_user
    assert partner.status == Status.APPROVED
    assert [m.subject for m in mailoutbox] == ["Hồ sơ của Hợp tác xã Nông nghiệp Yên Mạc đã được duyệt"]
    assert "/seller/" in mailoutbox[0].body
    change = partner.status_changes.first()
    assert change.changed_by == staff_user and change.to_status == Status.APPROVED
    assert SentNotification.objects.filter(key=f"cooperative-status:{change.pk}").exists()
    # now public
    assert client.get(f"/cooperatives/{partner.code}/").status_code == 200


@pytest.mark.django_db
def test_alliance_rejects_only_with_a_reason_which_the_applicant_reads(
    client, staff_user, mailoutbox, django_capture_on_commit_callbacks
):
    apply(client)
    partner = Partner.objects.get()
    client.force_login(staff_user)
    mailoutbox.clear()
    refused = client.post(f"/dashboard/applications/{partner.pk}/", {"action": "reject", "reason": ""})
    assert refused.status_code == 400 and "Vui lòng ghi rõ lý do." in refused.content.decode()
    assert not mailoutbox
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"/dashboard/applications/{partner.pk}/", {"action": "reject", "reason": "Giấy đăng ký bị mờ"}
        )
    partner.refresh_from_db()
    assert partner.status == Status.REJECTED
    assert mailoutbox[0].subject == "Hồ sơ của Hợp tác xã Nông nghiệp Yên Mạc chưa được duyệt"
    assert "Lý do: Giấy đăng ký bị mờ" in mailoutbox[0].body


@pytest.mark.django_db
def test_suspend_and_reinstate_are_recorded_and_emailed(
    client, staff_user, mailoutbox, coop_a, django_capture_on_commit_callbacks
):
    client.force_login(staff_user)
    url = f"/dashboard/applications/{coop_a.partner.pk}/"
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"action": "suspend", "reason": "Khiếu nại về chất lượng"})
        client.post(url, {"action": "reinstate", "reason": "Đã kiểm tra lại"})
    assert [m.subject for m in mailoutbox] == [
        f"Gian hàng {coop_a.partner.name} bị tạm ngừng",
        f"Gian hàng {coop_a.partner.name} đã được mở lại",
    ]
    history = client.get(url).content.decode()
    assert (
        "Khiếu nại về chất lượng" in history and "Đã kiểm tra lại" in history and staff_user.email in history
    )


@pytest.mark.django_db
def test_review_screens_are_for_alliance_staff_only(client, coop_a):
    client.force_login(coop_a.user)
    for url in [
        "/dashboard/applications/",
        f"/dashboard/applications/{coop_a.partner.pk}/",
        f"/dashboard/applications/{coop_a.partner.pk}/document/",
        "/dashboard/applications/certificates/",
        f"/dashboard/applications/certificates/{coop_a.certificate.pk}/scan/",
    ]:
        assert client.get(url).status_code == 403, url
    assert (
        client.post(
            f"/dashboard/applications/{coop_a.partner.pk}/", {"action": "suspend", "reason": "x"}
        ).status_code
        == 403
    )


@pytest.mark.django_db
def test_dashboard_menu_links_to_the_review_screens(client, staff_user):
    client.force_login(staff_user)
    html = client.get("/dashboard/").content.decode()
    assert (
        'href="/dashboard/applications/"' in html and 'href="/dashboard/applications/certificates/"' in html
    )


@pytest.mark.django_db
def test_an_emailed_decision_is_sent_once_even_if_the_task_runs_twice(
    staff_user, mailoutbox, coop_a, django_capture_on_commit_callbacks
):
    from marketplace.partner import services, tasks

    with django_capture_on_commit_callbacks(execute=True):
        change = services.cooperative_status_change(
            partner=coop_a.partner, to_status=Status.SUSPENDED, by=staff_user, reason="x"
        )
    assert len(mailoutbox) == 1
    mailoutbox.clear()
    assert tasks.cooperative_status_email.delay(change.pk).get() is False  # already sent on commit
    assert not mailoutbox
