"""Assisted mode: alliance staff run a cooperative's seller centre for it, and the cooperative sees
every step with the staff member's name."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Permission
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from marketplace.partner.models import Partner, Status
from marketplace.seller.assisted import SESSION_KEY, assisted_digest_send
from marketplace.seller.models import AssistedAction

BANNER = "Bạn đang thao tác thay cho"


def make_staff(django_user_model, email, **fields):
    user = django_user_model.objects.create_user(email=email, password="pw-staff-123", **fields)
    user.is_staff = True
    user.save()
    return user


@pytest.fixture
def alliance_staff(db, django_user_model):
    user = make_staff(django_user_model, "canbo@lienminhhtx.vn", first_name="Trần Thị Hoa")
    user.user_permissions.add(Permission.objects.get(codename="act_for_cooperative"))
    return django_user_model.objects.get(pk=user.pk)  # fresh permission cache


def start(client, staff, cooperative):
    client.force_login(staff)
    response = client.post(reverse("alliance:assist-start", kwargs={"pk": cooperative.partner.pk}))
    assert response.status_code == 302 and response["Location"] == reverse("seller:overview")


@pytest.mark.django_db
def test_staff_without_the_permission_cannot_act_for_a_cooperative(client, coop_a, django_user_model):
    clerk = make_staff(django_user_model, "nv@lienminhhtx.vn")
    client.force_login(clerk)
    assert client.get(reverse("alliance:assist")).status_code == 403
    assert client.post(reverse("alliance:assist-start", kwargs={"pk": coop_a.partner.pk})).status_code == 403
    # Even a session that names the cooperative gives nothing without the permission.
    session = client.session
    session[SESSION_KEY] = coop_a.partner.pk
    session.save()
    assert client.get(reverse("seller:overview"))["Location"] == reverse("seller:apply")
    assert not AssistedAction.objects.exists()


@pytest.mark.django_db
def test_staff_open_the_cooperatives_centre_under_a_banner_and_leave_in_one_click(
    client, coop_a, alliance_staff
):
    client.force_login(alliance_staff)
    listing = client.get(reverse("alliance:assist"), {"q": "cơm cháy"}).content.decode()
    assert coop_a.partner.name in listing
    start(client, alliance_staff, coop_a)

    overview = client.get(reverse("seller:overview")).content.decode()
    assert BANNER in overview and coop_a.partner.name in overview
    orders = client.get(reverse("seller:products")).content.decode()
    assert BANNER in orders and coop_a.product.title in orders

    response = client.post(reverse("seller:assist-leave"))
    assert response["Location"] == reverse("alliance:assist")
    assert client.get(reverse("seller:overview"))["Location"] == reverse("seller:apply")
    kinds = list(AssistedAction.objects.order_by("pk").values_list("kind", "staff_name"))
    assert kinds == [("start", "Trần Thị Hoa"), ("stop", "Trần Thị Hoa")]


@pytest.mark.django_db
def test_what_staff_do_is_recorded_with_both_names_and_the_owner_reads_it(client, coop_a, alliance_staff):
    start(client, alliance_staff, coop_a)
    response = client.post(
        reverse("seller:product-create"),
        {"title": "Gạo nếp cái hoa vàng 2 kg", "price": "90000", "stock": "12"},
    )
    assert response.status_code == 302
    assert coop_a.partner.stockrecords.filter(product__title="Gạo nếp cái hoa vàng 2 kg").exists()
    # A form with an error changed nothing and is not in the history.
    assert client.post(reverse("seller:product-create"), {"title": "", "price": "abc"}).status_code == 400

    action = AssistedAction.objects.get(kind="action")
    assert (action.partner, action.staff, action.url_name) == (
        coop_a.partner,
        alliance_staff,
        "product-create",
    )
    assert action.target == "Gạo nếp cái hoa vàng 2 kg"

    client.logout()
    client.force_login(coop_a.user)  # the owner
    history = client.get(reverse("seller:history")).content.decode()
    assert "Thêm sản phẩm" in history and "Gạo nếp cái hoa vàng 2 kg" in history
    assert "Trần Thị Hoa" in history
    assert BANNER not in history

    client.force_login(coop_a.helper)  # a staff member of the cooperative, not an owner
    assert client.get(reverse("seller:history"))["Location"] == reverse("seller:overview")


@pytest.mark.django_db
def test_payout_account_and_staff_stay_with_the_cooperative(client, coop_a, alliance_staff):
    before = (coop_a.partner.bank_account_number, set(coop_a.partner.users.values_list("pk", flat=True)))
    start(client, alliance_staff, coop_a)
    for name, kwargs in (("bank", {}), ("staff", {}), ("staff-remove", {"pk": coop_a.helper.pk})):
        url = reverse(f"seller:{name}", kwargs=kwargs)
        assert client.get(url)["Location"] == reverse("seller:overview"), url
        client.post(url, {"bank_bin": "970405", "bank_account_number": "111", "bank_account_holder": "X"})
    page = client.get(reverse("seller:overview")).content.decode()
    assert "Việc này chỉ người của hợp tác xã tự làm" in page
    coop_a.partner.refresh_from_db()
    after = (coop_a.partner.bank_account_number, set(coop_a.partner.users.values_list("pk", flat=True)))
    assert after == before
    assert not AssistedAction.objects.filter(kind="action").exists()


@pytest.mark.django_db
def test_owners_get_one_email_a_day_of_what_was_done(coop_a, alliance_staff):
    yesterday = timezone.localdate() - timedelta(days=1)
    for url_name, target in (("order-confirm", "100021-1"), ("product-edit", "Cơm cháy chà bông")):
        action = AssistedAction.objects.create(
            partner=coop_a.partner,
            staff=alliance_staff,
            staff_name="Trần Thị Hoa",
            url_name=url_name,
            target=target,
        )
        AssistedAction.objects.filter(pk=action.pk).update(at=timezone.now() - timedelta(days=1))

    assert assisted_digest_send(day=yesterday) == 1
    assert assisted_digest_send(day=yesterday) == 0  # twice is once
    (message,) = mail.outbox
    assert message.to == [coop_a.user.email]
    assert yesterday.strftime("%d/%m/%Y") in message.subject
    assert "Xác nhận đơn: 100021-1" in message.body and "Sửa sản phẩm: Cơm cháy chà bông" in message.body
    assert "Trần Thị Hoa" in message.body


@pytest.mark.django_db
def test_records_are_never_changed_or_deleted(coop_a, alliance_staff):
    action = AssistedAction.objects.create(partner=coop_a.partner, staff=alliance_staff, staff_name="Hoa")
    action.target = "khác"
    with pytest.raises(ValueError):
        action.save()
    with pytest.raises(ValueError):
        action.delete()


@pytest.mark.django_db
def test_a_cooperative_without_a_computer_is_entered_from_paper_and_gets_a_printable_qr(
    client, alliance_staff, country_vn
):
    client.force_login(alliance_staff)
    scan = SimpleUploadedFile(
        "ho-so.pdf", b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n", "application/pdf"
    )
    response = client.post(
        reverse("alliance:paper-application"),
        {
            "name": "Hợp tác xã Cói Kim Sơn",
            "kind": "htx",
            "registration_number": "2701A0099",
            "tax_code": "2700999999",
            "legal_representative": "Phạm Văn Cói",
            "phone": "0912 345 678",
            "area": "ninh_binh",
            "province": "37",
            "commune": "14464",
            "document": scan,
            "consent": "on",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    partner = Partner.objects.get(name="Hợp tác xã Cói Kim Sơn")
    assert partner.status == Status.APPROVED
    assert list(partner.status_changes.values_list("to_status", flat=True).order_by("pk")) == [
        "applied",
        "approved",
    ]
    assert not partner.users.exists()
    assert client.session[SESSION_KEY] == partner.pk

    qr = client.get(reverse("seller:storefront-qr")).content.decode()
    assert reverse("cooperatives:detail", kwargs={"slug": partner.code}) in qr
    assert "data:image/svg+xml" in qr and "In mã QR" in qr
