"""Printed labels: the PDF sheet rendered to a picture and its QR codes read back, as a phone
camera would, lead to the batch's page; the one-label PNG too."""

import io

import pypdfium2 as pdfium
import pytest
import zxingcpp
from django.urls import reverse
from PIL import Image

from marketplace.notifications.services import site_url

from .conftest import GTIN

pytestmark = pytest.mark.django_db


def decoded(image: Image.Image) -> list[str]:
    return [
        result.text
        for result in zxingcpp.read_barcodes(image)
        if result.format == zxingcpp.BarcodeFormat.QRCode
    ]


def pdf_pages(content: bytes, scale=3) -> list[Image.Image]:
    pdf = pdfium.PdfDocument(content)
    return [pdf[i].render(scale=scale).to_pil() for i in range(len(pdf))]


@pytest.mark.parametrize(("layout", "per_sheet"), [("3x8", 24), ("2x5", 10)])
def test_the_label_sheet_carries_the_batch_url_in_every_qr(client, cooperative, batch, layout, per_sheet):
    client.force_login(cooperative.user)
    response = client.get(reverse("seller:batch-labels", kwargs={"pk": batch.pk}), {"layout": layout})
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    pages = pdf_pages(response.content)
    assert len(pages) == 1
    width, height = pages[0].size
    assert abs(width / height - 210 / 297) < 0.01  # A4
    urls = decoded(pages[0])
    expected = site_url(f"/01/0{GTIN}/10/{batch.code}")
    assert urls == [expected] * per_sheet
    assert b"DejaVuSans" in response.content  # the font that writes Vietnamese is embedded

    client.logout()  # a buyer's phone opens it, not signed in
    path = expected.removeprefix(site_url())
    page = client.get(path)
    assert page.status_code == 200
    assert "Gạo tám thơm Hải Hậu 5 kg" in page.content.decode() and batch.code in page.content.decode()


def test_more_labels_than_a_sheet_go_on_to_a_second_page(client, cooperative, batch):
    client.force_login(cooperative.user)
    response = client.get(
        reverse("seller:batch-labels", kwargs={"pk": batch.pk}), {"layout": "2x5", "count": "13"}
    )
    pages = pdf_pages(response.content, scale=2)
    assert [len(decoded(page)) for page in pages] == [10, 3]


def test_the_phone_label_is_a_png_with_the_qr(client, cooperative, batch):
    client.force_login(cooperative.user)
    response = client.get(reverse("seller:batch-label-png", kwargs={"pk": batch.pk}))
    assert response["Content-Type"] == "image/png"
    image = Image.open(io.BytesIO(response.content))
    assert image.size == (840, 444)
    assert decoded(image) == [site_url(f"/01/0{GTIN}/10/{batch.code}")]
