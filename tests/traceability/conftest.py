"""A cooperative with a product and a batch of it, as the traceability tests need them."""

from datetime import date, timedelta

import pytest

from marketplace.ocop.models import Certificate, Verification
from marketplace.partner.models import Role
from marketplace.traceability import services
from tests.factories import CooperativeFactory, make_product

TODAY = date.today()
GTIN = "8930000000019"


@pytest.fixture
def cooperative(db, django_user_model):
    partner = CooperativeFactory(name="Hợp tác xã Nông nghiệp Hải Hậu")
    user = django_user_model.objects.create_user(email="haihau@example.vn", password="pw-seller-123")
    partner.users.add(user, through_defaults={"role": Role.OWNER})
    partner.user = user
    return partner


@pytest.fixture
def rice(cooperative):
    # A GTIN-13 as its UPC (Vietnamese GTINs start 893): the batch's page has a GS1 Digital Link too.
    return make_product(cooperative, title="Gạo tám thơm Hải Hậu 5 kg", price=150000, stock=50, sku=GTIN)


@pytest.fixture
def ocop_certificate(cooperative, rice):
    certificate = Certificate.objects.create(
        partner=cooperative,
        stars=4,
        group_code="I.2a",
        decision_number="1234/QĐ-UBND",
        signed_on=TODAY - timedelta(days=100),
        issuer="UBND tỉnh Ninh Bình",
        status=Verification.VERIFIED,
    )
    certificate.products.add(rice)
    return certificate


def make_batch(partner, product, code="HH-2611-01", *, quantity=100, best_before=None, produced_on=None):
    return services.batch_create(
        partner=partner,
        product=product,
        code=code,
        produced_on=produced_on or TODAY - timedelta(days=20),
        best_before=best_before,
        quantity=quantity,
        origin_province="Ninh Bình",
        origin_commune="Xã Hải Hậu",
        origin_commune_code="",
        origin_place="Cánh đồng thôn Quyết Thắng",
    )


@pytest.fixture
def batch(cooperative, rice):
    return make_batch(cooperative, rice, best_before=TODAY + timedelta(days=300))
