"""The seller centre as a cooperative's staff member uses it."""

import io
from datetime import date, timedelta

import pytest
from PIL import Image

from marketplace.ocop.models import Certificate, Verification
from marketplace.partner.models import Status
from marketplace.seller.models import ProductChange, StaffInvitation
from tests.helpers.orders import place_order, split_order
from tests.helpers.uploads import jpeg_upload, pdf_upload


@pytest.fixture
def seller(client, coop_a):
    client.force_login(coop_a.user)
    return client


@pytest.mark.django_db
def test_signed_out_visitors_are_sent_to_sign_in_and_customers_to_apply(client, customer):
    assert client.get("/seller/")["Location"].startswith("/accounts/login/")
    client.force_login(customer)
    assert client.get("/seller/")["Location"] == "/seller/apply/"


@pytest.mark.django_db
def test_overview_shows_waiting_orders_low_stock_and_expiring_certificates(seller, coop_a, coop_b):
    split_order(place_order(coop_a.product, number="200001"))
    coop_a.certificate.signed_on = date.today() - timedelta(days=36 * 30 + 10)  # ~ 3 weeks left
    coop_a.certificate.save()
    html = seller.get("/seller/").content.decode()
    waiting = html[html.index('id="waiting-orders"') : html.index('id="low-stock"')]
    assert "200001-1" in waiting  # the new sub-order, waiting to be confirmed
    low = html[html.index('id="low-stock"') : html.index('id="expiring-certificates"')]
    assert coop_a.product.title in low and "còn 2" in low  # 3 in stock, 1 allocated to the order
    assert coop_a.certificate.decision_number in html[html.index('id="expiring-certificates"') :]
    assert coop_b.product.title not in html


@pytest.mark.django_db
def test_adding_a_product_with_a_phone_photo_puts_it_on_sale_at_once(seller, coop_a, client):
    from marketplace.catalogue.services import category_ensure

    category = category_ensure(code="I.3b", name="Chế biến từ gạo, ngũ cốc")
    form = seller.get("/seller/products/new/").content.decode()
    assert 'capture="environment"' in form and 'accept="image/*"' in form and 'inputmode="numeric"' in form
    response = seller.post(
        "/seller/products/new/",
        {
            "title": "Cơm cháy lắc khô gà",
            "price": "55000",
            "stock": "40",
            "weight_grams": "250",
            "category": category.pk,
            "certificate": coop_a.certificate.pk,
            "photo": jpeg_upload("IMG_2026.HEIC.jpg", size=(3000, 4000)),
            "description": "Giòn, thơm.",
        },
    )
    assert response.status_code == 302 and response["Location"] == "/seller/products/"
    product = coop_a.partner.stockrecords.get(product__title="Cơm cháy lắc khô gà").product
    record = product.stockrecords.get()
    assert (int(record.price), record.num_in_stock, product.weight_grams) == (55000, 40, 250)
    assert product.is_public and list(product.categories.all()) == [category]
    assert coop_a.certificate in product.ocop_certificates.all()
    assert Image.open(product.primary_image().original.path).size == (1200, 1600)
    assert ProductChange.objects.get(product=product).action == "created"
    seller.logout()
    assert "Cơm cháy lắc khô gà" in client.get("/catalogue/").content.decode()
    assert "OCOP 4★" in client.get(product.get_absolute_url()).content.decode()


@pytest.mark.django_db
def test_a_pending_cooperatives_products_wait_until_approval(seller, coop_a, client, staff_user):
    from marketplace.partner import services

    coop_a.partner.status = Status.APPLIED
    coop_a.partner.save()
    seller.post("/seller/products/new/", {"title": "Nem chua Yên Mạc", "price": "30000", "stock": "5"})
    seller.logout()
    assert "Nem chua Yên Mạc" not in client.get("/catalogue/").content.decode()
    services.cooperative_status_change(partner=coop_a.partner, to_status=Status.APPROVED, by=staff_user)
    assert "Nem chua Yên Mạc" in client.get("/catalogue/").content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"price": "abc"}, "Nhập giá bằng số, ví dụ 55000."),
        ({"stock": "nhiều"}, "Nhập số lượng bằng số, ví dụ 20."),
        ({"price": "500"}, "1000"),
        ({"stock": "-1"}, "0"),
        ({"title": ""}, "Trường này là bắt buộc."),
    ],
)
def test_bad_product_input_gets_a_vietnamese_message_and_saves_nothing(seller, coop_a, changes, message):
    data = {"title": "Bánh", "price": "20000", "stock": "5", **changes}
    response = seller.post("/seller/products/new/", data)
    assert response.status_code == 400 and message in response.content.decode()
    assert coop_a.partner.stockrecords.count() == 1


@pytest.mark.django_db
def test_a_photo_that_is_not_an_image_is_refused_on_the_product_form(seller, coop_a):
    from django.core.files.uploadedfile import SimpleUploadedFile

    fake = SimpleUploadedFile("anh.jpg", b"not really a jpeg" * 20, "image/jpeg")
    response = seller.post(
        "/seller/products/new/", {"title": "A", "price": "20000", "stock": "1", "photo": fake}
    )
    assert response.status_code == 400 and "Tệp này không phải là ảnh hợp lệ." in response.content.decode()
    assert coop_a.partner.stockrecords.count() == 1


@pytest.mark.django_db
def test_editing_records_who_changed_what_and_hiding_takes_it_off_sale(seller, coop_a, client):
    product = coop_a.product
    url = f"/seller/products/{product.pk}/"
    form = seller.get(url).content.decode()
    assert f'value="{product.title}"' in form and 'value="125000"' in form
    seller.post(url, {"title": product.title, "price": "99000", "stock": "3"})
    change = ProductChange.objects.get(product=product, action="edited")
    assert change.fields == ["price"] and change.changed_by == coop_a.user
    history = seller.get(url).content.decode()
    history = history[history.index('id="history-title"') :]
    assert "Sửa: giá" in history and "edited" not in history  # the history is shown, in words

    seller.post(f"/seller/products/{product.pk}/visibility/", {"visible": "0"})
    assert "Đang ẩn" in seller.get("/seller/products/").content.decode()
    assert product.title not in client.get("/catalogue/").content.decode()
    seller.post(f"/seller/products/{product.pk}/visibility/", {"visible": "1"})
    assert [c.action for c in ProductChange.objects.filter(product=product).order_by("pk")] == [
        "edited",
        "hidden",
        "shown",
    ]


@pytest.mark.django_db
def test_a_certificate_is_uploaded_then_verified_by_the_alliance(seller, coop_a, client, staff_user):
    signed = date.today() - timedelta(days=10)
    response = seller.post(
        "/seller/certificates/new/",
        {
            "stars": "5",
            "group_code": "I.3b",
            "decision_number": "77/QĐ-BNNMT",
            "signed_on": signed.isoformat(),
            "issuer": "Bộ Nông nghiệp và Môi trường",
            "scan": jpeg_upload("giay-ocop.jpg"),
            "products": [coop_a.product.pk],
        },
    )
    assert response.status_code == 302
    certificate = Certificate.objects.get(decision_number="77/QĐ-BNNMT")
    assert certificate.status == Verification.PENDING and certificate.submitted_by == coop_a.user
    listing = seller.get("/seller/certificates/").content.decode()
    assert "77/QĐ-BNNMT" in listing and "Chờ xác minh" in listing
    scan = seller.get(f"/seller/certificates/{certificate.pk}/scan/")
    assert scan.status_code == 200 and scan["Content-Security-Policy"] == "sandbox"
    assert "/media/" not in listing  # scans are private files, never under /media/

    client.force_login(staff_user)
    assert "77/QĐ-BNNMT" in client.get("/dashboard/applications/certificates/").content.decode()
    refused = client.post(f"/dashboard/applications/certificates/{certificate.pk}/", {"action": "reject"})
    assert refused.status_code == 400 and "Vui lòng ghi rõ lý do từ chối." in refused.content.decode()
    client.post(f"/dashboard/applications/certificates/{certificate.pk}/", {"action": "verify"})
    certificate.refresh_from_db()
    assert certificate.status == Verification.VERIFIED and certificate.reviewed_by == staff_user
    client.force_login(coop_a.user)
    detail = client.get(f"/seller/certificates/{certificate.pk}/").content.decode()
    assert "Đã xác minh" in detail and f"{certificate.expires_on:%d/%m/%Y}" in detail


@pytest.mark.django_db
def test_a_certificate_cannot_be_signed_in_the_future_or_have_two_stars(seller, coop_a):
    data = {
        "stars": "2",
        "group_code": "I.3b",
        "decision_number": "1/QĐ",
        "signed_on": (date.today() + timedelta(days=3)).isoformat(),
        "issuer": "UBND",
        "scan": pdf_upload(),
        "products": [coop_a.product.pk],
    }
    html = seller.post("/seller/certificates/new/", data).content.decode()
    assert "Ngày ký không thể ở tương lai." in html and "Hãy chọn một lựa chọn hợp lệ" in html
    assert not Certificate.objects.filter(decision_number="1/QĐ").exists()


@pytest.mark.django_db
def test_profile_and_bank_details_are_edited_by_the_cooperative(seller, coop_a):
    response = seller.post(
        "/seller/profile/",
        {
            "short_name": "HTX An Khánh",
            "legal_representative": "Trần Thị Mai",
            "phone": "0987 654 321",
            "province": "37",
            "commune": "14533",  # Phường Tây Hoa Lư
            "founded": "2015",
            "members": "48",
            "story": "<p>Chuyện làng<script>x()</script></p>",
            "logo": jpeg_upload("logo.png", size=(300, 300)),
        },
    )
    assert response.status_code == 302
    partner = type(coop_a.partner).objects.get(pk=coop_a.partner.pk)
    assert (partner.phone, partner.display_phone, partner.members) == ("+84987654321", "0987 654 321", 48)
    assert (partner.province, partner.commune, partner.commune_code) == (
        "Ninh Bình",
        "Phường Tây Hoa Lư",
        "14533",
    )
    assert partner.story == "<p>Chuyện làng</p>" and partner.logo.name.endswith(".jpg")

    bad = seller.post(
        "/seller/bank/", {"bank_bin": "970405", "bank_account_number": "12ab", "bank_account_holder": "x"}
    )
    assert bad.status_code == 400 and "Số tài khoản gồm 6 đến 19 chữ số." in bad.content.decode()
    seller.post(
        "/seller/bank/",
        {
            "bank_bin": "970446",
            "bank_account_number": "0123456789",
            "bank_account_holder": "htx an khánh",
            "password": "pw-seller-123",  # the owner types it again
        },
    )
    partner.refresh_from_db()
    assert (partner.bank_bin, partner.bank_name.split(" — ")[0], partner.bank_account_holder) == (
        "970446",
        "Co-opBank",
        "HTX AN KHÁNH",
    )


@pytest.mark.django_db
def test_staff_invite_by_email_accept_and_remove(
    seller, coop_a, client, django_user_model, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        seller.post("/seller/staff/", {"email": "Lan.Nguyen@Example.vn"})
    invitation = StaffInvitation.objects.get(email="lan.nguyen@example.vn")
    assert mailoutbox[0].to == ["lan.nguyen@example.vn"]
    assert f"/seller/invitations/{invitation.token}/" in mailoutbox[0].body
    assert "lan.nguyen@example.vn" in seller.get("/seller/staff/").content.decode()

    # someone else cannot use the link
    stranger = django_user_model.objects.create_user(email="khac@example.vn", password="x")
    client.force_login(stranger)
    assert client.post(f"/seller/invitations/{invitation.token}/").status_code == 404

    lan = django_user_model.objects.create_user(email="lan.nguyen@example.vn", password="x")
    client.force_login(lan)
    assert coop_a.partner.name in client.get(f"/seller/invitations/{invitation.token}/").content.decode()
    assert client.post(f"/seller/invitations/{invitation.token}/")["Location"] == "/seller/"
    assert coop_a.partner.users.filter(pk=lan.pk).exists()
    assert client.get("/seller/").status_code == 200
    assert client.get(f"/seller/invitations/{invitation.token}/").status_code == 404  # used up

    client.force_login(coop_a.user)
    client.post(f"/seller/staff/{lan.pk}/remove/", {"password": "pw-seller-123"})
    assert not coop_a.partner.users.filter(pk=lan.pk).exists()
    client.force_login(lan)
    assert client.get("/seller/")["Location"] == "/seller/apply/"


@pytest.mark.django_db
def test_nobody_removes_themselves_and_invitations_can_be_cancelled(seller, coop_a):
    response = seller.post(
        f"/seller/staff/{coop_a.user.pk}/remove/", {"password": "pw-seller-123"}, follow=True
    )
    assert "Bạn không thể tự xoá mình" in response.content.decode()
    assert coop_a.partner.users.filter(pk=coop_a.user.pk).exists()
    seller.post(f"/seller/staff/invitations/{coop_a.invitation.pk}/cancel/")
    assert not StaffInvitation.objects.filter(pk=coop_a.invitation.pk).exists()


@pytest.mark.django_db
def test_seller_pages_fit_a_phone(seller, coop_a):
    for url in [
        "/seller/",
        "/seller/products/",
        "/seller/products/new/",
        "/seller/certificates/new/",
        "/seller/profile/",
    ]:
        html = seller.get(url).content.decode()
        assert 'name="viewport" content="width=device-width, initial-scale=1"' in html, url
        assert "seller.css" in html and 'class="seller-nav"' in html, url


def test_photo_fixture_is_a_real_jpeg():
    assert Image.open(io.BytesIO(jpeg_upload().read())).format == "JPEG"
