"""Accounts: the email changes only with the password and a link sent to the new address; the
Django admin's user page cannot edit password hashes or grant superuser without being superuser;
signing out and Oscar's other state-changing links need a POST."""

import re

import pytest
from django.contrib.auth.models import Permission
from django.core import mail

from tests.factories import CooperativeFactory


def _link(message) -> str:
    return re.search(r"https?://[^/\s]+(/accounts/email/confirm/\S+/)", message.body).group(1)


@pytest.fixture
def signed_in(client, customer):
    client.force_login(customer)
    return client


# --- Email change -----------------------------------------------------------------------------
@pytest.mark.django_db
def test_the_profile_form_no_longer_changes_the_email(signed_in, customer):
    signed_in.post(
        "/accounts/profile/edit/", {"first_name": "Lan", "last_name": "Nguyễn", "email": "ke-gian@example.vn"}
    )
    customer.refresh_from_db()
    assert (customer.first_name, customer.email) == ("Lan", "lan@example.vn")
    assert 'name="email"' not in signed_in.get("/accounts/profile/edit/").content.decode()


@pytest.mark.django_db
def test_changing_the_email_needs_the_current_password(signed_in, customer):
    for password in ("", "sai-mat-khau"):
        response = signed_in.post("/accounts/email/", {"new_email": "moi@example.vn", "password": password})
        assert response.status_code == 200 and "form" in response.context
    assert "Mật khẩu không đúng." in response.content.decode()
    customer.refresh_from_db()
    assert customer.email == "lan@example.vn" and not mail.outbox


@pytest.mark.django_db
def test_the_email_changes_only_after_the_link_sent_to_the_new_address_is_confirmed(
    signed_in, client, customer, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = signed_in.post(
            "/accounts/email/",
            {"new_email": "Lan.Moi@Example.vn", "password": "pw-customer-123"},
            follow=True,
        )
    assert "Đã gửi đường dẫn xác nhận tới lan.moi@example.vn." in response.content.decode()
    customer.refresh_from_db()
    assert customer.email == "lan@example.vn"  # not yet
    to_new, to_old = sorted(mail.outbox, key=lambda m: m.to[0] != "lan.moi@example.vn")
    assert to_new.to == ["lan.moi@example.vn"] and to_old.to == ["lan@example.vn"]
    assert "/accounts/email/confirm/" not in to_old.body  # the old address cannot confirm for the new one
    link = _link(to_new)

    # Opening the link (a mail scanner would) changes nothing; the button does.
    client.logout()
    page = client.get(link)
    assert page.status_code == 200 and "lan.moi@example.vn" in page.content.decode()
    customer.refresh_from_db()
    assert customer.email == "lan@example.vn"
    client.post(link)
    customer.refresh_from_db()
    assert customer.email == "lan.moi@example.vn"
    assert client.post(link).status_code == 400  # used up: the address it replaced has changed


@pytest.mark.django_db
def test_a_forged_link_or_one_for_a_taken_address_is_refused(client, customer, django_user_model):
    from marketplace.users.email_change import email_change_token

    assert client.get("/accounts/email/confirm/gia-mao/").status_code == 400
    token = email_change_token(user=customer, new_email="moi@example.vn")
    tampered = token[:-3] + ("abc" if not token.endswith("abc") else "xyz")
    assert client.post(f"/accounts/email/confirm/{tampered}/").status_code == 400
    # The address was taken by someone else meanwhile.
    django_user_model.objects.create_user(email="moi@example.vn", password="x")
    assert client.post(f"/accounts/email/confirm/{token}/").status_code == 400
    customer.refresh_from_db()
    assert customer.email == "lan@example.vn"


@pytest.mark.django_db
def test_an_expired_link_is_refused(client, customer, monkeypatch):
    from marketplace.users import email_change

    token = email_change.email_change_token(user=customer, new_email="moi@example.vn")
    monkeypatch.setattr(email_change, "MAX_AGE", -1)  # two days later
    assert client.post(f"/accounts/email/confirm/{token}/").status_code == 400
    customer.refresh_from_db()
    assert customer.email == "lan@example.vn"


# --- Django admin's user page -------------------------------------------------------------------
@pytest.fixture
def helpdesk(db, django_user_model):
    """Alliance staff allowed to manage users in the Django admin, but not a superuser."""
    user = django_user_model.objects.create_user(email="hotro@chohtx.vn", password="pw-help-123")
    user.is_staff = True
    user.save()
    user.user_permissions.add(
        *Permission.objects.filter(content_type__app_label="users", codename__in=["view_user", "change_user"])
    )
    return user


def change_data(user, **changes):
    data = {
        "email": user.email,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "is_active": "on",
        "password": "sha1$hack$0000",
        "is_superuser": "on",
        "is_staff": "on",
    }
    data.update(changes)
    return data


@pytest.mark.django_db
def test_the_admin_user_page_shows_no_editable_password_hash(client, staff_user, customer):
    client.force_login(staff_user)
    page = client.get(f"/django-admin/users/user/{customer.pk}/change/").content.decode()
    assert page.count('name="password"') == 0
    assert f"/django-admin/users/user/{customer.pk}/password/" in page or "../password/" in page
    password_before = customer.password
    client.post(f"/django-admin/users/user/{customer.pk}/change/", change_data(customer, is_superuser=""))
    customer.refresh_from_db()
    assert customer.password == password_before


@pytest.mark.django_db
def test_only_a_superuser_grants_superuser(client, helpdesk, customer, staff_user):
    client.force_login(helpdesk)
    response = client.post(f"/django-admin/users/user/{customer.pk}/change/", change_data(customer))
    assert response.status_code == 302
    customer.refresh_from_db()
    assert customer.is_staff and not customer.is_superuser  # staff may be granted; superuser not
    client.post(f"/django-admin/users/user/{helpdesk.pk}/change/", change_data(helpdesk))
    helpdesk.refresh_from_db()
    assert not helpdesk.is_superuser  # nor to themselves
    # A superuser's page cannot be changed by them, nor the password.
    assert (
        client.post(f"/django-admin/users/user/{staff_user.pk}/change/", change_data(staff_user)).status_code
        == 403
    )
    assert client.get(f"/django-admin/users/user/{staff_user.pk}/password/").status_code == 403

    client.force_login(staff_user)  # a superuser can
    client.post(f"/django-admin/users/user/{customer.pk}/change/", change_data(customer))
    customer.refresh_from_db()
    assert customer.is_superuser


# --- State changes need a POST --------------------------------------------------------------------
@pytest.mark.django_db
def test_signing_out_needs_a_post(signed_in):
    page = signed_in.get("/").content.decode()
    assert re.search(r'<form method="post" action="/accounts/logout/"', page)
    assert signed_in.get("/accounts/logout/").status_code == 200
    assert "_auth_user_id" in signed_in.session  # a link (or an <img>) on another site signs no one out
    signed_in.post("/accounts/logout/")
    assert "_auth_user_id" not in signed_in.session


@pytest.mark.django_db
def test_oscars_get_links_that_change_state_need_a_post(signed_in, customer, country_vn):
    from oscar.core.loading import get_model

    UserAddress = get_model("address", "UserAddress")
    address = UserAddress.objects.create(
        user=customer,
        first_name="Lan",
        line1="Số 1",
        line4="Ninh Bình",
        state="Ninh Bình",
        country=country_vn,
    )
    url = f"/accounts/addresses/{address.pk}/default_for_billing/"
    assert signed_in.get(url).status_code == 200
    address.refresh_from_db()
    assert not address.is_default_for_billing
    signed_in.post(url)
    address.refresh_from_db()
    assert address.is_default_for_billing


@pytest.mark.django_db
def test_linking_a_user_to_a_cooperative_in_the_dashboard_needs_a_post(client, staff_user, customer):
    partner = CooperativeFactory()
    client.force_login(staff_user)
    url = f"/dashboard/partners/{partner.pk}/users/{customer.pk}/link/"
    assert client.get(url).status_code == 200
    assert not partner.users.filter(pk=customer.pk).exists()
    client.post(url)
    assert partner.users.filter(pk=customer.pk).exists()
