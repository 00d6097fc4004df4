"""The demo floor gives every seller-centre and review screen something to show."""

import pytest
from django.core.management import call_command
from django.utils import timezone

from marketplace.ocop.models import Certificate, Verification
from marketplace.partner.models import Partner, PartnerStaff, Role, Status


@pytest.mark.django_db
def test_demo_has_applications_a_suspension_and_certificates_in_every_state(client):
    call_command("load_demo", verbosity=0)
    assert Partner.objects.filter(status=Status.APPLIED).count() == 2
    applicants = Partner.objects.filter(status=Status.APPLIED).values_list("applied_by__email", flat=True)
    suspended = Partner.objects.get(status=Status.SUSPENDED)
    assert suspended.status_changes.first().to_status == Status.SUSPENDED
    assert all(p.status_changes.exists() for p in Partner.objects.all())
    # Every cooperative ever approved had its papers checked; the applicants wait for that check.
    approved = Partner.objects.filter(status=Status.APPROVED)
    assert approved.count() == Partner.objects.approved().count() == 23
    assert all(p.is_identity_verified for p in Partner.objects.exclude(status=Status.APPLIED))
    assert not any(p.is_identity_verified for p in Partner.objects.filter(status=Status.APPLIED))

    today = timezone.localdate()
    certificates = Certificate.objects.filter(decision_number__startswith="DEMO-")
    assert {c.status for c in certificates} == {
        Verification.VERIFIED,
        Verification.PENDING,
        Verification.REJECTED,
    }
    assert certificates.expiring(today).exists()
    assert certificates.filter(status=Verification.VERIFIED, expires_on__lt=today).exists()

    assert client.login(email="gia-sinh@chohtx.vn", password="ChoHTX@2026")
    # The demo's cooperative accounts and the applicants own their cooperatives.
    for email in ["gia-sinh@chohtx.vn", "coi-kim-son@chohtx.vn", *applicants]:
        assert PartnerStaff.objects.get(user__email=email).role == Role.OWNER, email
    assert 'name="password"' in client.get("/seller/bank/").content.decode()
    listing = client.get("/seller/certificates/").content.decode()
    for state in ["Đã xác minh", "Chờ xác minh", "Bị từ chối"]:
        assert state in listing
    overview = client.get("/seller/").content.decode()
    assert "DEMO-04/QĐ-UBND" in overview  # expiring soon
    assert client.login(email="admin@chohtx.vn", password="ChoHTX@2026")
    assert "Đang chờ duyệt (2)" in client.get("/dashboard/applications/").content.decode()
    assert "Tạm ngừng (1)" in client.get("/dashboard/applications/").content.decode()
    assert suspended.name not in client.get("/cooperatives/").content.decode()

    call_command("load_demo", verbosity=0)  # still idempotent
    assert Certificate.objects.filter(decision_number__startswith="DEMO-").count() == 5
    assert Partner.objects.filter(status=Status.APPLIED).count() == 2


@pytest.mark.django_db
def test_demo_cooperatives_have_varied_shipping_and_one_sells_only_at_its_door(client):
    from marketplace.delivery.models import ShippingSettings

    call_command("load_demo", verbosity=0)
    settings = ShippingSettings.objects.select_related("partner")
    assert settings.filter(delivers=False, pickup=True).exists()  # pickup only
    assert settings.filter(delivers=True, pickup=True).exists()
    assert settings.exclude(provinces=[]).exists() and settings.filter(provinces=[]).exists()
    assert len({s.flat_fee for s in settings}) >= 4
    pickup_only = settings.get(delivers=False).partner
    page = client.get(f"/cooperatives/{pickup_only.code}/").content.decode()
    assert "Chỉ nhận tại chỗ: Quầy nem đầu chợ Yên Mạc" in page
    gia_sinh = settings.get(flat_fee=30000, free_above=500000).partner
    page = client.get(f"/cooperatives/{gia_sinh.code}/").content.decode()
    assert "Giao toàn quốc, 30.000\xa0₫, miễn phí từ 500.000\xa0₫." in page
