"""Uploads: only JPEG, PNG, WebP and HEIC are decoded; documents are stored and served under the type
their content shows; a body over the limit is refused before it is read."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from marketplace.partner.models import Partner
from marketplace.seller.uploads import process_photo, validate_document
from tests.helpers.seller import apply
from tests.helpers.uploads import jpeg_upload, pdf_upload


def image_bytes(fmt: str, mode: str = "RGB") -> bytes:
    buffer = io.BytesIO()
    Image.new(mode, (64, 48), (10, 120, 60) if mode == "RGB" else 0).save(buffer, fmt)
    return buffer.getvalue()


@pytest.mark.parametrize("fmt", ["GIF", "BMP", "TIFF", "ICO", "PPM", "TGA"])
@pytest.mark.parametrize("check", [process_photo, validate_document])
def test_images_in_other_formats_are_not_decoded(check, fmt):
    upload = SimpleUploadedFile(f"anh.{fmt.lower()}", image_bytes(fmt), "image/jpeg")
    with pytest.raises(ValidationError) as error:
        check(upload)
    assert " ".join(error.value.messages) in {
        "Tệp này không phải là ảnh hợp lệ.",
        "Chỉ nhận ảnh chụp hoặc tệp PDF.",
    }


@pytest.mark.parametrize(("fmt", "extension"), [("JPEG", "jpg"), ("PNG", "png"), ("WEBP", "webp")])
def test_accepted_images_become_documents_named_after_their_content(fmt, extension):
    upload = validate_document(SimpleUploadedFile("trang.html", image_bytes(fmt), "text/html"))
    assert upload.name == f"giay-to.{extension}"
    assert process_photo(SimpleUploadedFile("anh", image_bytes(fmt))).name.endswith(".jpg")


def test_heic_photos_from_iphones_are_accepted():
    from pillow_heif import from_pillow

    buffer = io.BytesIO()
    from_pillow(Image.new("RGB", (64, 48), (10, 120, 60))).save(buffer, quality=80)
    upload = validate_document(SimpleUploadedFile("IMG_0001.HEIC", buffer.getvalue(), "image/heic"))
    assert upload.name == "giay-to.heic"


def test_a_pdf_keeps_no_name_from_the_browser():
    assert validate_document(pdf_upload("hop-dong.exe")).name == "giay-to.pdf"


@pytest.mark.django_db
def test_an_application_document_is_stored_and_served_by_its_content(client, staff_user, settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path
    document = SimpleUploadedFile("giay.html", jpeg_upload().read(), "text/html")
    assert apply(client, document=document).status_code == 302
    partner = Partner.objects.get(name="Hợp tác xã Nông nghiệp Yên Mạc")
    assert partner.registration_document.name.endswith(".jpg")
    client.logout()

    client.force_login(staff_user)
    response = client.get(f"/dashboard/applications/{partner.pk}/document/")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"


@pytest.mark.django_db
def test_a_pdf_is_served_as_a_pdf_attachment(client, staff_user, settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path
    assert apply(client, document=pdf_upload("giay.svg")).status_code == 302
    partner = Partner.objects.get()
    client.logout()
    client.force_login(staff_user)
    response = client.get(f"/dashboard/applications/{partner.pk}/document/")
    assert response["Content-Type"] == "application/pdf"
    assert (
        response["Content-Disposition"].startswith("attachment;")
        and ".pdf" in response["Content-Disposition"]
    )


@pytest.mark.django_db
def test_a_body_over_the_limit_is_refused_from_its_content_length(client, settings):
    settings.REQUEST_BODY_MAX_BYTES = 1024 * 1024
    response = client.post(
        "/seller/apply/",
        data=b"x" * 10,
        content_type="application/octet-stream",
        CONTENT_LENGTH=str(2 * 1024 * 1024),
    )
    assert response.status_code == 413
    html = response.content.decode()
    assert "Tệp quá lớn" in html and "lớn hơn 1 MB" in html
    assert not Partner.objects.exists()


@pytest.mark.django_db
def test_a_body_within_the_limit_goes_through(client):
    assert client.post("/orders/lookup/", {"number": "1", "contact": "a@example.vn"}).status_code == 200


@pytest.mark.django_db
def test_editors_images_in_wagtail_are_refused_outside_the_four_formats(client, django_user_model):
    from wagtail.images import get_image_model

    admin = django_user_model.objects.create_superuser(email="admin@chohtx.vn", password="pw-admin-1234")
    client.force_login(admin)

    def upload(name, fmt):
        buffer = io.BytesIO()
        Image.new("RGB", (40, 30), "green").save(buffer, fmt)
        return client.post(
            "/cms-admin/images/add/",
            {"title": name, "file": SimpleUploadedFile(name, buffer.getvalue()), "collection": 1},
        )

    upload("ruong-lua.gif", "GIF")
    assert not get_image_model().objects.filter(title="ruong-lua.gif").exists()
    upload("ruong-lua.png", "PNG")
    assert get_image_model().objects.filter(title="ruong-lua.png").exists()
