"""Owner and staff of a cooperative; the payout account cannot be silently redirected.

Only an owner changes the account buyers transfer to, or removes staff, after typing their password
again; every change of account is recorded and emailed to the cooperative's people and the
alliance's staff; a sub-order keeps the account it was placed with."""

import importlib

import pytest
from django.apps import apps as django_apps
from django.core import mail

from marketplace.order.models import SubOrder
from marketplace.order.selectors import suborder_payments
from marketplace.partner.models import BankAccountChange, PartnerStaff, Role
from marketplace.partner.selectors import is_cooperative_owner
from marketplace.partner.services import partner_bank_account_change, partner_staff_set
from payments import vietqr
from tests.factories import bank_account_for
from tests.helpers.payments import buy_by_transfer

NEW_ACCOUNT = {
    "bank_bin": "970436",
    "bank_account_number": "0451000126789",
    "bank_account_holder": "nguyen van ke gian",
}


def partner_now(coop):
    return type(coop.partner).objects.get(pk=coop.partner.pk)


@pytest.mark.django_db
def test_staff_see_the_bank_account_read_only_and_cannot_change_it(client, coop_a):
    before = partner_now(coop_a).bank_account_number
    client.force_login(coop_a.helper)
    page = client.get("/seller/bank/").content.decode()
    assert before in page  # they still see where buyers pay
    assert "Chỉ chủ gian hàng mới đổi được tài khoản nhận tiền." in page
    assert coop_a.user.email in page  # whom to ask
    assert 'name="bank_account_number"' not in page
    response = client.post("/seller/bank/", {**NEW_ACCOUNT, "password": "pw-seller-123"})
    assert response.status_code == 403
    assert partner_now(coop_a).bank_account_number == before
    assert not BankAccountChange.objects.exists()


@pytest.mark.django_db
def test_the_owner_changes_the_account_only_with_the_password(client, coop_a):
    before = partner_now(coop_a).bank_account_number
    client.force_login(coop_a.user)
    assert 'name="password"' in client.get("/seller/bank/").content.decode()
    for password in ("", "sai-mat-khau"):
        response = client.post("/seller/bank/", {**NEW_ACCOUNT, "password": password})
        assert response.status_code == 400
        assert partner_now(coop_a).bank_account_number == before
    assert "Mật khẩu không đúng." in response.content.decode()
    assert not BankAccountChange.objects.exists()


@pytest.mark.django_db
def test_an_account_change_is_recorded_and_emailed_to_every_member_and_the_alliance(
    client, coop_a, coop_b, staff_user, django_user_model, django_capture_on_commit_callbacks
):
    old_number = partner_now(coop_a).bank_account_number
    gone = django_user_model.objects.create_user(email="nghi-viec@chohtx.vn", password="x")
    django_user_model.objects.filter(pk=gone.pk).update(is_staff=True, is_active=False)  # left the alliance
    client.force_login(coop_a.user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/seller/bank/", {**NEW_ACCOUNT, "password": "pw-seller-123"}, follow=True)
    assert "Đã đổi tài khoản nhận tiền." in response.content.decode()
    partner = partner_now(coop_a)
    assert (partner.bank_bin, partner.bank_account_number, partner.bank_account_holder) == (
        "970436",
        "0451000126789",
        "NGUYEN VAN KE GIAN",
    )
    change = BankAccountChange.objects.get()
    assert (change.partner, change.changed_by, change.old_account_number, change.new_account_number) == (
        partner,
        coop_a.user,
        old_number,
        "0451000126789",
    )
    assert (change.old_masked, change.new_masked) == (f"•••• {old_number[-4:]}", "•••• 6789")

    # One email each: the cooperative's address, its owner and staff, the active alliance staff.
    assert sorted(message.to[0] for message in mail.outbox) == sorted(
        [partner.email, coop_a.user.email, coop_a.helper.email, staff_user.email]
    )
    assert all(len(message.to) == 1 for message in mail.outbox)
    message = mail.outbox[0]
    assert message.subject == f"{partner.name} vừa đổi tài khoản nhận tiền trên Chợ HTX"
    assert "Vietcombank •••• 6789 — NGUYEN VAN KE GIAN" in message.body
    assert f"Agribank •••• {old_number[-4:]}" in message.body
    assert coop_a.user.email in message.body
    assert "0451000126789" not in message.body and old_number not in message.body
    # and the history on the page shows it, masked
    page = client.get("/seller/bank/").content.decode()
    history = page[page.index('id="bank-changes"') :]
    assert "•••• 6789" in history and "0451000126789" not in history


@pytest.mark.django_db
def test_the_account_service_refuses_anyone_but_an_owner(coop_a, coop_b):
    from django.core.exceptions import PermissionDenied

    for person in (coop_a.helper, coop_b.user):  # staff of A; the owner of another cooperative
        with pytest.raises(PermissionDenied):
            partner_bank_account_change(
                partner=coop_a.partner, by=person, bank_bin="970436", account_number="1", account_holder="X"
            )
    assert not BankAccountChange.objects.exists()


@pytest.mark.django_db
def test_only_the_owner_removes_staff_after_typing_the_password(client, coop_a, django_user_model):
    third = django_user_model.objects.create_user(email="ba@htx.vn", password="x")
    coop_a.partner.users.add(third)
    url = f"/seller/staff/{third.pk}/remove/"

    client.force_login(coop_a.helper)  # staff: no remove buttons, no confirmation page, no removal
    assert url not in client.get("/seller/staff/").content.decode()
    assert client.get(url).status_code == 403
    assert client.post(url, {"password": "pw-seller-123"}).status_code == 403
    assert coop_a.partner.users.filter(pk=third.pk).exists()

    client.force_login(coop_a.user)
    staff_page = client.get("/seller/staff/").content.decode()
    assert url in staff_page and "Chủ gian hàng" in staff_page and "Nhân viên" in staff_page
    assert 'name="password"' in client.get(url).content.decode()
    wrong = client.post(url, {"password": "sai"})
    assert wrong.status_code == 400 and "Mật khẩu không đúng." in wrong.content.decode()
    assert coop_a.partner.users.filter(pk=third.pk).exists()
    assert client.post(url, {"password": "pw-seller-123"})["Location"] == "/seller/staff/"
    assert not coop_a.partner.users.filter(pk=third.pk).exists()


@pytest.mark.django_db
def test_roles_applicant_is_owner_invitee_is_staff(coop_a, django_user_model):
    assert is_cooperative_owner(coop_a.user) and is_cooperative_owner(coop_a.user, coop_a.partner)
    assert not is_cooperative_owner(coop_a.helper)
    invited = django_user_model.objects.create_user(email="moi@htx.vn", password="x")
    coop_a.partner.users.add(invited)  # how an accepted invitation joins
    assert PartnerStaff.objects.get(partner=coop_a.partner, user=invited).role == Role.STAFF
    partner_staff_set(partner=coop_a.partner, user=invited, role=Role.OWNER)
    assert is_cooperative_owner(invited, coop_a.partner)


@pytest.mark.django_db
def test_the_earliest_member_of_an_existing_cooperative_becomes_its_owner(coop_a, coop_b):
    migration = importlib.import_module("marketplace.partner.migrations.0012_partner_staff_roles")
    PartnerStaff.objects.update(role=Role.STAFF)  # as every member was before roles existed
    migration.earliest_member_owns(django_apps, None)
    owners = PartnerStaff.objects.filter(role=Role.OWNER)
    assert sorted(owners.values_list("user__email", flat=True)) == ["a@htx.vn", "b@htx.vn"]


# --- A sub-order keeps the account it was placed with ---------------------------------------------
@pytest.fixture
def banked(two_cooperatives, django_user_model):
    rice, paste = two_cooperatives
    rice_partner = rice.stockrecords.get().partner
    bank_account_for(rice_partner, bank_bin="970415", account_number="0011001932418")
    bank_account_for(paste.stockrecords.get().partner, bank_bin="970436", account_number="9876543210")
    owner = django_user_model.objects.create_user(email="chu@htx.vn", password="pw-owner-123")
    partner_staff_set(partner=rice_partner, user=owner, role=Role.OWNER)
    return rice_partner, owner


@pytest.mark.django_db
def test_an_order_placed_before_an_account_change_still_pays_the_old_account(
    client, country_vn, two_cooperatives, banked, django_capture_on_commit_callbacks
):
    partner, owner = banked
    buy_by_transfer(client, two_cooperatives, django_capture_on_commit_callbacks)
    placed = SubOrder.objects.get(partner=partner)
    assert (placed.payee_bank_bin, placed.payee_account_number) == ("970415", "0011001932418")

    partner_bank_account_change(
        partner=partner, by=owner, bank_bin="970436", account_number="0451000126789", account_holder="KHAC"
    )
    [payment] = suborder_payments(placed.order, only=placed)
    assert payment.account.account_number == "0011001932418"
    assert payment.account.bank_name.startswith("VietinBank")
    assert payment.payload == vietqr.payload(
        bank_bin="970415", account="0011001932418", amount=placed.total, note=payment.note
    )

    # a new order goes to the new account
    client.cookies.clear()
    buy_by_transfer(client, two_cooperatives, django_capture_on_commit_callbacks)
    newer = SubOrder.objects.filter(partner=partner).exclude(pk=placed.pk).get()
    [payment] = suborder_payments(newer.order, only=newer)
    assert payment.account.account_number == "0451000126789"


@pytest.mark.django_db
def test_the_migration_gives_open_sub_orders_their_cooperatives_current_account(
    client, country_vn, two_cooperatives, banked, django_capture_on_commit_callbacks
):
    partner, __ = banked
    buy_by_transfer(client, two_cooperatives, django_capture_on_commit_callbacks)
    open_one, closed = SubOrder.objects.order_by("number")
    SubOrder.objects.update(payee_bank_bin="", payee_account_number="", payee_account_holder="")
    SubOrder.objects.filter(pk=closed.pk).update(status="cancelled")
    migration = importlib.import_module("marketplace.order.migrations.0025_suborder_payee_account")
    migration.fill_open_suborders(django_apps, None)
    open_one.refresh_from_db()
    closed.refresh_from_db()
    assert (open_one.payee_bank_bin, open_one.payee_account_number, open_one.payee_account_holder) == (
        partner.bank_bin,
        partner.bank_account_number,
        partner.bank_account_holder,
    )
    assert closed.payee_account_number == ""


@pytest.mark.django_db
def test_the_django_admin_cannot_change_the_payout_account_silently(client, coop_a, staff_user):
    client.force_login(staff_user)
    page = client.get(f"/django-admin/partner/partner/{coop_a.partner.pk}/change/").content.decode()
    assert page.count('name="bank_account_number"') == 0
    assert partner_now(coop_a).bank_account_number in page  # shown, read-only
    assert 'name="staff_roles-0-role"' in page  # the alliance can name a new owner there
