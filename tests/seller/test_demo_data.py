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
