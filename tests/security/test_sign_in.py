"""Passwords, throttled sign-in on every login page, and two-factor sign-in for alliance staff."""

from datetime import timedelta

import pytest
import time_machine
from django.contrib.auth.tokens import default_token_generator
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from marketplace.partner.models import Role
from tests.factories import CooperativeFactory

GOOD_PASSWORD = "Nem-chua-Yen-Mac-2026"


# --- Password policy --------------------------------------------------------------
@pytest.mark.django_db
@pytest.mark.parametrize(
    ("password", "message"),
    [
        ("Ngan-123", "Mật khẩu quá ngắn: cần ít nhất 10 ký tự."),
        ("0912345678", "Mật khẩu không được chỉ gồm chữ số."),
        ("password123", "Mật khẩu này quá phổ biến"),
    ],
)
def test_registration_refuses_weak_passwords_in_vietnamese(client, password, message):
    response = client.post(
        "/accounts/login/",
        {
            "registration-email": "lan@example.vn",
            "registration-password1": password,
            "registration-password2": password,
            "registration_submit": "1",
        },
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not response.wsgi_request.user.is_authenticated


@pytest.mark.django_db
def test_registration_accepts_a_long_password(client, django_user_model):
    response = client.post(
        "/accounts/login/",
        {
            "registration-email": "lan@example.vn",
            "registration-password1": GOOD_PASSWORD,
            "registration-password2": GOOD_PASSWORD,
            "registration_submit": "1",
        },
    )
    assert response.status_code == 302
    assert django_user_model.objects.get(email="lan@example.vn").check_password(GOOD_PASSWORD)


@pytest.mark.django_db
def test_password_change_and_reset_refuse_short_passwords(client, customer):
    client.force_login(customer)
    response = client.post(
        "/accounts/change-password/",
        {"old_password": "pw-customer-123", "new_password1": "Ngan-1234", "new_password2": "Ngan-1234"},
    )
    assert "Mật khẩu quá ngắn: cần ít nhất 10 ký tự." in response.content.decode()
    client.logout()

    uid = urlsafe_base64_encode(force_bytes(customer.pk))
    token = default_token_generator.make_token(customer)
    form_url = client.get(f"/password-reset/confirm/{uid}/{token}/")["Location"]
    response = client.post(form_url, {"new_password1": "Ngan-1234", "new_password2": "Ngan-1234"})
    assert "Mật khẩu quá ngắn: cần ít nhất 10 ký tự." in response.content.decode()
    customer.refresh_from_db()
    assert customer.check_password("pw-customer-123")


@pytest.mark.django_db
def test_seller_application_account_needs_a_strong_password(client):
    from tests.helpers.seller import apply

    response = apply(client, **{"account-password1": "Ngan-1234", "account-password2": "Ngan-1234"})
    assert response.status_code == 400
    assert "Mật khẩu quá ngắn: cần ít nhất 10 ký tự." in response.content.decode()


# --- Throttled sign-in --------------------------------------------------------------
LOGIN_PAGES = [
    ("/accounts/login/", {"login-username": "{email}", "login-password": "{password}", "login_submit": "1"}),
    ("/dashboard/login/", {"username": "{email}", "password": "{password}"}),
    ("/cms-admin/login/", {"username": "{email}", "password": "{password}"}),
    ("/django-admin/login/", {"username": "{email}", "password": "{password}"}),
]


def _sign_in(client, url, fields, email, password):
    data = {key: value.format(email=email, password=password) for key, value in fields.items()}
    return client.post(url, data)


@pytest.mark.django_db
@pytest.mark.parametrize(("url", "fields"), LOGIN_PAGES)
def test_every_login_page_locks_out_after_five_wrong_passwords(plain_client, staff_user, url, fields):
    for _attempt in range(5):
        response = _sign_in(plain_client, url, fields, staff_user.email, "sai-mat-khau")
        assert response.status_code in (200, 429)
    response = _sign_in(plain_client, url, fields, staff_user.email, "pw-staff-123")
    assert response.status_code == 429
    html = response.content.decode()
    assert "Tạm khoá đăng nhập" in html and "Vui lòng thử lại sau 15 phút" in html
    assert "_auth_user_id" not in plain_client.session


@pytest.mark.django_db
def test_lock_out_message_is_in_english_for_english_visitors(plain_client, customer):
    plain_client.cookies["django_language"] = "en"
    url, fields = LOGIN_PAGES[0]
    for _attempt in range(6):
        response = _sign_in(plain_client, url, fields, customer.email, "wrong-password")
    assert response.status_code == 429
    assert "Sign-in temporarily locked" in response.content.decode()


@pytest.mark.django_db
def test_a_right_password_by_email_still_signs_in_and_clears_failures(plain_client, customer):
    url, fields = LOGIN_PAGES[0]
    for _attempt in range(4):
        _sign_in(plain_client, url, fields, customer.email, "sai-mat-khau")
    response = _sign_in(plain_client, url, fields, "LAN@example.vn", "pw-customer-123")
    assert response.status_code == 302
    assert plain_client.session["_auth_user_id"] == str(customer.pk)


@pytest.mark.django_db
def test_invitation_acceptance_signs_in_through_the_throttled_login(plain_client):
    from django.contrib.auth import get_user_model

    from tests.helpers.seller import Cooperative

    coop = Cooperative("HTX Thử", "thu@example.vn", get_user_model())
    response = plain_client.get(f"/seller/invitations/{coop.invitation.token}/")
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")


# --- Two-factor sign-in ------------------------------------------------------------
def current_code(device: TOTPDevice) -> str:
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):06d}"


def after_the_pause():
    """django-otp makes a person wait a moment after a wrong code; move past that pause."""
    return time_machine.travel(timezone.now() + timedelta(seconds=5), tick=False)


@pytest.mark.django_db
@pytest.mark.parametrize("area", ["/dashboard/", "/cms-admin/", "/django-admin/"])
def test_staff_must_set_up_two_factor_before_the_back_office(plain_client, staff_user, area):
    plain_client.force_login(staff_user)
    response = plain_client.get(area)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/two-factor/setup/?next=")


@pytest.mark.django_db
def test_editors_must_set_up_two_factor_before_the_cms_admin(plain_client, django_user_model):
    from cms import services

    editor = django_user_model.objects.create_user(email="bientap@chohtx.vn", password="pw-editor-123")
    editor.groups.add(services.editorial_setup_ensure()["editors"])
    assert not editor.is_staff
    plain_client.force_login(editor)

    response = plain_client.get("/cms-admin/")

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/two-factor/setup/?next=")


@pytest.mark.django_db
def test_staff_enrol_with_a_qr_code_then_reach_the_dashboard(plain_client, staff_user):
    plain_client.force_login(staff_user)
    page = plain_client.get("/accounts/two-factor/setup/?next=/dashboard/")
    html = page.content.decode()
    assert page.status_code == 200 and 'src="data:image/svg+xml' in html
    assert "Bật xác minh hai bước" in html and "Google Authenticator" in html
    device = TOTPDevice.objects.get(user=staff_user, confirmed=False)

    wrong = plain_client.post("/accounts/two-factor/setup/", {"token": "000000", "next": "/dashboard/"})
    assert wrong.status_code == 400 and "Mã không đúng hoặc đã hết hạn" in wrong.content.decode()

    with after_the_pause():
        right = plain_client.post(
            "/accounts/two-factor/setup/", {"token": current_code(device), "next": "/dashboard/"}
        )
    assert right.status_code == 302 and right["Location"] == "/dashboard/"
    assert plain_client.get("/dashboard/").status_code == 200
    device.refresh_from_db()
    assert device.confirmed


@pytest.mark.django_db
def test_enrolled_staff_enter_a_code_at_every_sign_in(plain_client, staff_user):
    device = TOTPDevice.objects.create(user=staff_user, name="app", confirmed=True)
    plain_client.force_login(staff_user)
    response = plain_client.get("/cms-admin/")
    assert response.status_code == 302 and response["Location"].startswith("/accounts/two-factor/?next=")
    assert "Nhập mã xác minh" in plain_client.get(response["Location"]).content.decode()
    wrong = plain_client.post("/accounts/two-factor/", {"token": "123456", "next": "/cms-admin/"})
    assert wrong.status_code == 400
    with after_the_pause():
        right = plain_client.post(
            "/accounts/two-factor/", {"token": current_code(device), "next": "/cms-admin/"}
        )
    assert right.status_code == 302 and right["Location"] == "/cms-admin/"
    assert plain_client.get("/cms-admin/").status_code == 200


@pytest.mark.django_db
def test_a_stolen_password_cannot_enrol_a_second_phone(plain_client, staff_user):
    TOTPDevice.objects.create(user=staff_user, name="app", confirmed=True)
    plain_client.force_login(staff_user)
    response = plain_client.get("/accounts/two-factor/setup/")
    assert response.status_code == 302 and response["Location"].startswith("/accounts/two-factor/?next=")
    assert not TOTPDevice.objects.filter(user=staff_user, confirmed=False).exists()


@pytest.mark.django_db
def test_the_code_page_only_sends_people_back_to_this_site(plain_client, staff_user):
    device = TOTPDevice.objects.create(user=staff_user, name="app", confirmed=True)
    plain_client.force_login(staff_user)
    response = plain_client.post(
        "/accounts/two-factor/", {"token": current_code(device), "next": "https://evil.example/"}
    )
    assert response.status_code == 302 and response["Location"] == "/"


@pytest.mark.django_db
def test_cooperative_owners_are_offered_two_factor_and_then_asked_for_it(plain_client, django_user_model):
    owner = django_user_model.objects.create_user(email="chu@example.vn", password="pw-seller-123")
    CooperativeFactory(name="HTX Hai Bước").users.add(owner, through_defaults={"role": Role.OWNER})
    plain_client.force_login(owner)
    overview = plain_client.get("/seller/")
    assert overview.status_code == 200 and 'id="two-factor-offer"' in overview.content.decode()

    plain_client.get("/accounts/two-factor/setup/")
    device = TOTPDevice.objects.get(user=owner)
    plain_client.post("/accounts/two-factor/setup/", {"token": current_code(device)})
    assert 'id="two-factor-offer"' not in plain_client.get("/seller/").content.decode()

    plain_client.logout()
    plain_client.force_login(owner)
    response = plain_client.get("/seller/")
    assert response.status_code == 302 and response["Location"].startswith("/accounts/two-factor/?next=")


@pytest.mark.django_db
def test_cooperative_staff_without_two_factor_use_the_seller_centre(plain_client, django_user_model):
    helper = django_user_model.objects.create_user(email="phu@example.vn", password="pw-seller-123")
    CooperativeFactory(name="HTX Phụ").users.add(helper, through_defaults={"role": Role.STAFF})
    plain_client.force_login(helper)
    overview = plain_client.get("/seller/")
    assert overview.status_code == 200 and 'id="two-factor-offer"' not in overview.content.decode()
