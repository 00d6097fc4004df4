import io
from datetime import date, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from marketplace.ocop.models import Certificate, Verification
from marketplace.partner.models import Role
from tests.factories import CooperativeFactory, make_product


@pytest.fixture(autouse=True)
def private_media(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    return settings.PRIVATE_MEDIA_ROOT


def jpeg_upload(name="anh.jpg", size=(800, 600), colour=(30, 140, 60)) -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, "JPEG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


def pdf_upload(name="giay-dang-ky.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(
        name, b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n", "application/pdf"
    )


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
        self.partner.bank_bin = "970405"
        self.partner.bank_account_number = f"{self.partner.pk:04d}99887766"
        self.partner.bank_account_holder = "HTX " + name.upper()
        self.partner.tax_code = f"27{self.partner.pk:08d}"
        self.partner.legal_representative = f"Đại diện {name}"
        self.partner.save()


@pytest.fixture
def coop_a(db, django_user_model):
    return Cooperative("HTX Cơm cháy An Khánh", "a@htx.vn", django_user_model)


@pytest.fixture
def coop_b(db, django_user_model):
    return Cooperative("HTX Mắm tép Bình Minh", "b@htx.vn", django_user_model)


def place_order(*products, number=None):
    """An order through Oscar's own test helper, one line per product."""
    from oscar.apps.partner.strategy import Default
    from oscar.core.loading import get_model
    from oscar.test.factories import create_order

    basket = get_model("basket", "Basket").objects.create()
    basket.strategy = Default()
    for product in products:
        basket.add_product(product)
    return create_order(number=number, basket=basket)


def split_order(order, *, payment_method="cod"):
    """One sub-order per cooperative of an order placed with `place_order`, as the checkout makes them
    (numbered <order>-1, -2, … in line order, each with its "new" event)."""
    from marketplace.order.models import SubOrder, SubOrderEvent

    suborders = []
    for line in order.lines.order_by("pk"):
        if any(s.partner_id == line.partner_id for s in suborders):
            continue
        total = sum(other.line_price_incl_tax for other in order.lines.filter(partner_id=line.partner_id))
        suborder = SubOrder.objects.create(
            order=order,
            partner_id=line.partner_id,
            number=f"{order.number}-{len(suborders) + 1}",
            payment_method=payment_method,
            shipping_code="flat",
            shipping_label="Giao tận nơi",
            lines_total=total,
            total=total,
        )
        SubOrderEvent.objects.create(suborder=suborder, status="new", note_code="placed")
        suborders.append(suborder)
    return suborders


@pytest.fixture
def mixed_order(coop_a, coop_b):
    """One order with a line from each cooperative, split into one sub-order each
    (`coop_a.suborder`, `coop_b.suborder`)."""
    order = place_order(coop_a.product, coop_b.product, number="100001")
    coop_a.suborder, coop_b.suborder = split_order(order)
    return order


@pytest.fixture
def after_sale_of_b(coop_b, mixed_order, customer):
    """B's sub-order delivered, with a return request (a photo, a resellable line) and a conversation
    with the buyer (a message with a photo): `coop_b.ret`, `.photo`, `.conversation`, `.message`."""
    from marketplace.messaging import services as messaging
    from marketplace.order import services as orders
    from marketplace.returns import services as returns
    from marketplace.seller.uploads import process_photo

    suborder = coop_b.suborder
    type(mixed_order).objects.filter(pk=mixed_order.pk).update(user=customer)
    orders.suborder_confirm(suborder_id=suborder.pk)
    orders.suborder_ship(suborder_id=suborder.pk, carrier="GHN", tracking_code="B1")
    orders.suborder_deliver(suborder_id=suborder.pk)
    line = mixed_order.lines.get(partner_id=coop_b.partner.pk)
    coop_b.ret = returns.return_request(
        suborder_id=suborder.pk,
        quantities={line.pk: 1},
        reason="damaged",
        note="Bí mật trả hàng của B",
        photos=[process_photo(jpeg_upload())],
        refund_account={"bank": "ACB", "number": "123456789", "holder": "KHACH B"},
    )
    coop_b.photo = coop_b.ret.photos.get()
    suborder.refresh_from_db()
    coop_b.conversation = messaging.conversation_for_suborder(suborder=suborder)
    coop_b.secret_message = "Bí mật tin nhắn của B"
    coop_b.message = messaging.message_send(
        conversation_id=coop_b.conversation.pk,
        side="buyer",
        body=coop_b.secret_message,
        photo=process_photo(jpeg_upload()),
    )
    return coop_b
