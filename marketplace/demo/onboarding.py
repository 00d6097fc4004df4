"""Demo data for the cooperative life cycle, so every seller-centre and review screen has
something to show: pending applications, a suspended cooperative, status histories, bank accounts,
and OCOP certificates in every state (verified, pending, rejected, expiring within 30 days, expired).

Idempotent like the rest of the loader; writes models directly (no emails during a demo load)."""

from datetime import timedelta

from dateutil.relativedelta import relativedelta
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.utils import timezone

from marketplace.catalogue import services as catalogue_services
from marketplace.ocop.models import VALIDITY_MONTHS, Certificate, Verification
from marketplace.partner import services as partner_services
from marketplace.partner.models import IdentityMethod, Partner, Role, Status, StatusChange

from . import pictures

User = get_user_model()

# A minimal one-page PDF standing in for scanned papers.
DEMO_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)

PENDING = [
    {
        "name": "Hợp tác xã Nông nghiệp Yên Mạc",
        "short_name": "HTX Yên Mạc",
        "kind": "htx",
        "area": "ninh_binh",
        "commune": "Xã Yên Mạc",
        "commune_code": "14743",
        "street": "Thôn Tiên Yên",
        "phone": "+84912000901",
        "email": "yenmac@example.vn",
        "registration_number": "DKHTX-27-0901",
        "tax_code": "2700999901",
        "legal_representative": "Đinh Văn Hùng",
        "applicant": "dangky-yenmac@chohtx.vn",
    },
    {
        "name": "Tổ hợp tác Bánh cuốn Phủ Lý",
        "short_name": "THT Bánh cuốn Phủ Lý",
        "kind": "tht",
        "area": "ha_nam",
        "commune": "Phường Phủ Lý",
        "commune_code": "13291",
        "street": "Tổ 3",
        "phone": "+84352000902",
        "email": "banhcuon@example.vn",
        "registration_number": "THT-35-0902",
        "tax_code": "0700999902",
        "legal_representative": "Trần Thị Thu",
        "applicant": "dangky-phuly@chohtx.vn",
    },
]

SUSPENDED = {
    "name": "Hợp tác xã Rượu Kim Sơn Lưu Phương",
    "short_name": "HTX Rượu Lưu Phương",
    "kind": "htx",
    "area": "ninh_binh",
    "commune": "Xã Kim Sơn",
    "commune_code": "14638",
    "street": "Thôn Lưu Phương",
    "phone": "+84912000903",
    "email": "ruouluuphuong@example.vn",
    "registration_number": "DKHTX-27-0903",
    "tax_code": "2700999903",
    "legal_representative": "Phạm Văn Lực",
    "story": "Rượu nếp cái hoa vàng nấu bằng men lá, theo cách của làng Lưu Phương.",
}
SUSPENSION_REASON = "Chưa bổ sung giấy chứng nhận an toàn thực phẩm (dữ liệu mẫu)."

BANK_ACCOUNTS = {
    "gia-sinh": ("970405", "2700205123456", "HTX DICH VU NONG NGHIEP GIA SINH"),
    "coi-kim-son": ("970446", "0270011223344", "HTX THU CONG MY NGHE COI KIM SON"),
}


def _history(partner, steps, by) -> None:
    """Record `steps` [(from, to, reason)] once (only when the cooperative has no history yet)."""
    if partner.status_changes.exists():
        return
    for from_status, to_status, reason in steps:
        StatusChange.objects.create(
            partner=partner, from_status=from_status, to_status=to_status, reason=reason, changed_by=by
        )


def _cooperative(fields: dict, *, status: str, applicant=None) -> Partner:
    fields = dict(fields)
    partner, __ = Partner.objects.update_or_create(
        name=fields.pop("name"), defaults={"status": status, **fields}
    )
    if not partner.applied_at:
        partner.applied_at = timezone.now() - timedelta(days=3)
        partner.consent_given_at = partner.applied_at
        partner.applied_by = applicant
    if not partner.registration_document:
        partner.registration_document.save("giay-dang-ky.pdf", ContentFile(DEMO_PDF), save=False)
    partner.save()
    return partner


def load_applications(*, password: str) -> list[Partner]:
    partners = []
    for item in PENDING:
        item = dict(item)
        applicant, created = User.objects.get_or_create(
            email=item.pop("applicant"), defaults={"first_name": item["legal_representative"]}
        )
        if created:
            applicant.set_password(password)
            applicant.save()
        partner = _cooperative(item, status=Status.APPLIED, applicant=applicant)
        partner.users.add(applicant, through_defaults={"role": Role.OWNER})
        _history(partner, [("", Status.APPLIED, "")], applicant)
        partners.append(partner)
    return partners


def load_suspended(*, categories, admin) -> Partner:
    partner = _cooperative(SUSPENDED, status=Status.SUSPENDED)
    catalogue_services.product_upsert(
        partner=partner,
        sku="LP-RUOU-01",
        title="Rượu nếp Lưu Phương 500 ml",
        price=120000,
        stock=30,
        category=categories.get("II.1a"),
        weight_grams=900,
        image=pictures.draw_product_picture("spirit", seed="LP-RUOU-01"),
    )
    _history(
        partner,
        [
            ("", Status.APPLIED, ""),
            (Status.APPLIED, Status.APPROVED, ""),
            (Status.APPROVED, Status.SUSPENDED, SUSPENSION_REASON),
        ],
        admin,
    )
    load_identity(partner, admin)
    return partner


def load_identity(partner: Partner, admin) -> None:
    """Alliance staff checked the papers of every cooperative that was ever approved (once)."""
    if not partner.is_identity_verified:
        partner_services.cooperative_identity_verify(
            partner=partner,
            by=admin,
            method=IdentityMethod.DOCUMENT,
            document=(
                f"Giấy chứng nhận đăng ký {partner.registration_number or 'HTX'} "
                "và CCCD của người đại diện (bản gốc)"
            ),
        )
        partner.refresh_from_db()  # the loader goes on with this object (orders, the ledger)


def load_histories(cooperatives, admin) -> None:
    for partner in cooperatives.values():
        _history(partner, [("", Status.APPLIED, ""), (Status.APPLIED, Status.APPROVED, "")], admin)
        load_identity(partner, admin)


def load_bank_accounts(cooperatives) -> None:
    for key, (bin_code, number, holder) in BANK_ACCOUNTS.items():
        partner = cooperatives.get(key)
        if partner and not partner.bank_account_number:
            partner.bank_bin, partner.bank_account_number, partner.bank_account_holder = (
                bin_code,
                number,
                holder,
            )
            partner.legal_representative = partner.legal_representative or "Nguyễn Văn Đại Diện"
            partner.save()


def load_certificate_states(partner, *, admin) -> int:
    """Five certificates of `partner`, one per state, on its products."""
    today = timezone.localdate()
    validity = relativedelta(months=VALIDITY_MONTHS)
    products = list(partner.stockrecords.select_related("product").order_by("pk"))
    if not products:
        return 0
    states = [
        ("DEMO-01/QĐ-UBND", 4, today - relativedelta(months=4), Verification.VERIFIED, ""),
        ("DEMO-02/QĐ-UBND", 3, today - timedelta(days=20), Verification.PENDING, ""),
        (
            "DEMO-03/QĐ-UBND",
            4,
            today - relativedelta(months=2),
            Verification.REJECTED,
            "Bản chụp bị mờ, không đọc được số quyết định.",
        ),
        (
            "DEMO-04/QĐ-UBND",
            3,
            today - validity + timedelta(days=20),
            Verification.VERIFIED,
            "",
        ),  # expires in 20 days
        ("DEMO-05/QĐ-UBND", 4, today - validity - timedelta(days=10), Verification.VERIFIED, ""),  # expired
    ]
    for index, (number, stars, signed_on, status, reason) in enumerate(states):
        certificate, created = Certificate.objects.update_or_create(
            decision_number=number,
            defaults={
                "partner": partner,
                "stars": stars,
                "group_code": "I.3b",
                "signed_on": signed_on,
                "issuer": "UBND tỉnh Ninh Bình",
                "status": status,
                "rejection_reason": reason,
                "reviewed_by": admin if status != Verification.PENDING else None,
            },
        )
        if not certificate.scan:
            certificate.scan.save("giay-chung-nhan.pdf", ContentFile(DEMO_PDF), save=True)
        certificate.products.set([products[index % len(products)].product])
    return len(states)


def load_onboarding(*, cooperatives: dict, categories: dict, password: str, admin_email: str) -> dict:
    admin = User.objects.filter(email=admin_email).first()
    applications = load_applications(password=password)
    suspended = load_suspended(categories=categories, admin=admin)
    load_histories(cooperatives, admin)
    load_bank_accounts(cooperatives)
    first = next(iter(cooperatives.values()))
    certificates = load_certificate_states(first, admin=admin)
    return {
        "applications": len(applications),
        "suspended": suspended.name,
        "certificate_states": certificates,
    }
