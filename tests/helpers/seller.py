"""Cooperatives as the seller-centre tests need them, and applying to join through the real view."""

from datetime import date, timedelta

from marketplace.ocop.models import Certificate, Verification
from marketplace.partner.models import Role
from tests.factories import CooperativeFactory, make_product
from tests.helpers.uploads import pdf_upload


class Cooperative:
    """A cooperative with its owner (`user`), one staff member (`helper`), one product, one
    certificate, one invitation."""

    def __init__(self, name, email, django_user_model):
        from marketplace.seller.models import StaffInvitation

        self.partner = CooperativeFactory(name=name, email=f"lienhe-{email}")
        self.user = django_user_model.objects.create_user(email=email, password="pw-seller-123")
        self.helper = django_user_model.objects.create_user(email=f"phu-{email}", password="pw-seller-123")
        self.partner.users.add(self.user, through_defaults={"role": Role.OWNER})
        self.partner.users.add(self.helper)  # staff
        self.product = make_product(self.partner, title=f"Sản phẩm của {name}", stock=3)
        self.certificate = Certificate.objects.create(
            partner=self.partner,
            stars=4,
            group_code="I.3b",
            decision_number=f"{self.partner.pk}/QĐ-UBND",
            signed_on=date.today() - timedelta(days=200),
            issuer="UBND tỉnh Ninh Bình",
            status=Verification.VERIFIED,
        )
        self.certificate.scan.save("scan.pdf", pdf_upload(), save=True)
        self.certificate.products.add(self.product)
        self.invitation = StaffInvitation.objects.create(partner=self.partner, email=f"moi-{email}")
        from marketplace.product_import.models import ProductImport

        self.product_import = ProductImport.objects.create(
            partner=self.partner, file_name=f"bi-mat-{email}.xlsx", status="ready", total_rows=1
        )
        self._add_batch(email)
        self.partner.bank_bin = "970405"
        self.partner.bank_account_number = f"{self.partner.pk:04d}99887766"
        self.partner.bank_account_holder = "HTX " + name.upper()
        self.partner.tax_code = f"27{self.partner.pk:08d}"
        self.partner.legal_representative = f"Đại diện {name}"
        self.partner.save()

    def _add_batch(self, email):
        """A batch of the product with one step and the OCOP certificate (`batch`, `step`,
        `batch_certificate`)."""
        from marketplace.traceability import services as batches

        self.batch = batches.batch_create(
            partner=self.partner,
            product=self.product,
            code=f"BIMAT{self.partner.pk:05d}",
            produced_on=date.today() - timedelta(days=5),
            quantity=3,  # the product's stock is kept by batch: the same 3 units
        )
        self.step = batches.batch_step_add(
            batch=self.batch, kind="harvest", happened_on=date.today(), place=f"Ruộng bí mật {email}"
        )
        self.batch_certificate = batches.batch_certificate_add(
            batch=self.batch, kind="ocop", ocop=self.certificate
        )


APPLICATION = {
    "name": "Hợp tác xã Nông nghiệp Yên Mạc",
    "short_name": "HTX Yên Mạc",
    "kind": "htx",
    "registration_number": "09.07.000123",
    "tax_code": "2700987654",
    "legal_representative": "Đinh Văn Hùng",
    "phone": "0912 345 678",
    "email": "htx.yenmac@example.vn",
    "area": "ninh_binh",
    "province": "37",  # Ninh Bình; the selects post codes
    "commune": "14743",  # Xã Yên Mạc
    "street": "Thôn Tiên Yên",
    "consent": "on",
}


ACCOUNT = {
    "account-account_email": "hung@example.vn",
    "account-account_name": "Đinh Văn Hùng",
    "account-password1": "Nem-chua-2026!",
    "account-password2": "Nem-chua-2026!",
}


def apply(client, document=None, **changes):
    data = {**APPLICATION, **ACCOUNT, "document": document or pdf_upload(), **changes}
    return client.post("/seller/apply/", {k: v for k, v in data.items() if v is not None})
