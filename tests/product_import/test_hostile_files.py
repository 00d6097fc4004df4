"""Files meant to hurt: wrong types, formulas, huge sheets, zip bombs, decompression bombs, other
encodings, duplicate SKUs, another cooperative's SKU. Each is refused (or read safely) with a
Vietnamese message, never a 500, and nothing is written."""

import io
import zipfile

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from marketplace.catalogue.models import Product
from marketplace.product_import import reading
from marketplace.product_import.models import ProductImport
from tests.factories import make_product

from .helpers import HEADINGS, csv_text, row, to_cp1258, upload, xlsx, zipped
from .test_import_flow import send


def check(client, coop, data, name="san-pham.xlsx", pictures=None):
    client.force_login(coop.user)
    response = send(client, data, name, pictures)
    assert response.status_code == 302, response.content.decode()[:500]
    job = ProductImport.objects.order_by("-pk").first()
    page = client.get(response["Location"])
    assert page.status_code == 200
    return job, page.content.decode()


def messages(job) -> list[str]:
    return [p["message"] for p in job.problems]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "data, name, expected",
    [
        (b"%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF\n", "san-pham.xlsx", "Chỉ nhận tệp Excel (.xlsx) hoặc CSV."),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 500, "san-pham.xls", "Đây là tệp Excel cũ (.xls)"),
        (b"PK\x03\x04 not really a zip", "san-pham.xlsx", "Tệp Excel bị hỏng hoặc không phải tệp ZIP."),
        (b"", "trong.csv", ""),
        ("Tên;Giá\nCơm cháy;45000\n".encode(), "khong-co-sku.csv", "Không thấy cột “Mã SKU”"),
    ],
)
def test_wrong_types_are_refused_in_words(client, coop_a, data, name, expected):
    client.force_login(coop_a.user)
    response = send(client, data, name)
    if not data:  # an empty upload is refused by the form itself
        assert response.status_code == 400 and "Tệp trống, không có gì để nhập." in response.content.decode()
        return
    job = ProductImport.objects.order_by("-pk").first()
    assert job.status == "invalid"
    assert expected in messages(job)[0]


@pytest.mark.django_db
def test_a_png_renamed_csv_and_a_plain_zip_are_refused(client, coop_a):
    buffer = io.BytesIO()
    Image.new("RGB", (50, 50), (255, 0, 0)).save(buffer, "PNG")
    job, __ = check(client, coop_a, buffer.getvalue(), "san-pham.csv")
    assert job.status == "invalid" and messages(job)
    job, __ = check(client, coop_a, zipped({"a.txt": b"hello"}).read(), "san-pham.xlsx")
    assert job.status == "invalid"
    assert "Không mở được tệp Excel" in messages(job)[0]


@pytest.mark.django_db
def test_formulas_are_refused_never_evaluated(client, coop_a):
    rows = [row("F-1", price="=40000+5000"), row("F-2", title='=HYPERLINK("http://x.vn","bấm")')]
    job, page = check(client, coop_a, xlsx(rows))
    assert job.refused_rows == 2
    assert "“=40000+5000” là công thức; hãy ghi giá trị, không ghi công thức" in page
    job, __ = check(client, coop_a, csv_text([row("F-3", stock="=1+1")]).encode(), "a.csv")
    assert "“=1+1” là công thức" in messages(job)[0]
    assert not Product.objects.filter(upc__startswith="F-").exists()


@pytest.mark.django_db
def test_export_guards_against_csv_and_excel_formula_injection(client, coop_a):
    make_product(coop_a.partner, sku="INJ-1", title="=cmd|' /C calc'!A0", description="+SUM(1)")
    client.force_login(coop_a.user)
    text = client.get(reverse("seller:product-export") + "?format=csv").content.decode("utf-8-sig")
    assert "'=cmd|' /C calc'!A0" in text and "'+SUM(1)" in text
    content = client.get(reverse("seller:product-export")).content
    sheet = openpyxl.load_workbook(io.BytesIO(content))["Sản phẩm"]
    cells = [c for r in sheet.iter_rows() for c in r if isinstance(c.value, str) and "cmd" in c.value]
    assert [(c.value, c.data_type) for c in cells] == [("'=cmd|' /C calc'!A0", "s")]
    # and imported back, the apostrophe comes off: the same product, unchanged
    job, __ = check(client, coop_a, content)
    assert job.plan["unchanged"] == 2 and job.refused_rows == 0


@pytest.mark.django_db
def test_too_many_rows_or_columns_are_refused(client, coop_a, monkeypatch):
    monkeypatch.setattr(reading, "MAX_ROWS", 50)
    job, __ = check(client, coop_a, xlsx([row(f"H-{n}") for n in range(51)]))
    assert "Tệp có quá nhiều dòng (tối đa 50 sản phẩm mỗi lần)" in messages(job)[0]
    job, __ = check(client, coop_a, xlsx([], headings=HEADINGS + [f"Cột {n}" for n in range(40)]))
    assert "Tệp có quá nhiều cột (tối đa 30)." in messages(job)


@pytest.mark.django_db
def test_a_sheet_claiming_a_million_rows_is_refused_before_reading_them(client, coop_a):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(HEADINGS)
    sheet.cell(row=1_000_000, column=1, value="X")
    buffer = io.BytesIO()
    book.save(buffer)
    job, __ = check(client, coop_a, buffer.getvalue())
    assert "quá nhiều dòng" in messages(job)[0]


def bomb(size=30 * 1024 * 1024) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("anh.jpg", b"\0" * size)
    return buffer.getvalue()


@pytest.mark.django_db
def test_zip_bombs_are_refused_before_decompressing(client, coop_a):
    data = bomb()
    assert len(data) < 100_000
    job, page = check(
        client, coop_a, xlsx([row("Z-1", picture="anh.jpg")]), pictures=SimpleUploadedFile("anh.zip", data)
    )
    assert job.status == "invalid"
    assert "Tệp ZIP ảnh bị nén bất thường" in messages(job)[0]
    job, __ = check(client, coop_a, data, "san-pham.xlsx")  # an .xlsx is a ZIP too
    assert "Tệp Excel bị nén bất thường" in messages(job)[0]


@pytest.mark.django_db
def test_a_picture_claiming_too_many_pixels_is_refused(client, coop_a):
    buffer = io.BytesIO()
    Image.new("1", (9000, 9000)).save(buffer, "PNG")  # 81 megapixels in a few kilobytes
    pictures = zipped({"to.png": buffer.getvalue(), "hong.jpg": b"not a picture"})
    rows = [row("P-1", picture="to.png"), row("P-2", picture="hong.jpg"), row("P-3", picture="khong-co.jpg")]
    job, page = check(client, coop_a, xlsx(rows), pictures=pictures)
    assert messages(job) == [
        "ảnh “to.png” có kích thước điểm ảnh quá lớn",
        "“hong.jpg” không phải ảnh JPEG, PNG, WebP hay HEIC",
        "không có ảnh “khong-co.jpg” trong tệp ZIP",
    ]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "encode, expected",
    [
        (lambda text: to_cp1258(text), "cp1258"),
        (lambda text: text.encode("utf-16"), "utf-16"),
        (lambda text: text.replace(",", "\t").encode("utf-16-le"), "utf-16-le"),
        (lambda text: "\ufeff".encode() + text.encode(), "utf-8-sig"),
    ],
)
def test_csv_in_windows_1258_and_utf16_keeps_the_accents(
    client, coop_a, encode, expected, django_capture_on_commit_callbacks
):
    title = "Chè lam Kiện Khê – đặc sản Hà Nam"
    job, __ = check(client, coop_a, encode(csv_text([row("V-1", title=title)])), "san-pham.csv")
    assert (job.status, job.encoding) == ("ready", expected)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("seller:product-import-start", kwargs={"pk": job.pk}))
    assert Product.objects.get(upc="V-1").title == title  # NFC, as typed


@pytest.mark.django_db
def test_duplicate_skus_are_refused_from_the_second_on(client, coop_a):
    job, page = check(client, coop_a, xlsx([row("D-1"), row("D-2"), row("D-1", title="Lần hai")]))
    assert messages(job) == ["mã “D-1” trùng với dòng 2"]
    assert "Dòng 4</strong> · Mã SKU: mã “D-1” trùng với dòng 2" in page


@pytest.mark.django_db
def test_another_cooperatives_sku_is_refused_without_showing_its_product(
    client, coop_a, coop_b, django_capture_on_commit_callbacks
):
    theirs = coop_b.product
    record = theirs.stockrecords.get()
    job, page = check(client, coop_a, xlsx([row(theirs.upc, title="Của tôi", price=1000), row("OWN-1")]))
    assert messages(job) == [f"mã “{theirs.upc}” đã được dùng trên sàn; hãy đặt mã khác"]
    assert theirs.title not in page and coop_b.partner.name not in page
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("seller:product-import-start", kwargs={"pk": job.pk}), {"skip_refused": "1"})
    theirs.refresh_from_db()
    record.refresh_from_db()
    assert theirs.title == f"Sản phẩm của {coop_b.partner.name}" and record.price == 125000
    assert not theirs.stockrecords.filter(partner=coop_a.partner).exists()


@pytest.mark.django_db
def test_a_formula_hidden_as_an_ocop_decision_or_sku_is_refused(client, coop_a):
    job, __ = check(client, coop_a, xlsx([row("=A1"), row("S-2", certificate="=B2")]))
    assert job.refused_rows == 2


def test_encoding_detection():
    assert reading.detect_encoding("Cơm".encode()) == "utf-8"
    assert reading.detect_encoding("\ufeffCơm".encode()) == "utf-8-sig"
    assert reading.detect_encoding("Cơm".encode("utf-16")) == "utf-16"
    assert reading.detect_encoding(to_cp1258("Cơm cháy")) == "cp1258"


def test_upload_helper_makes_files():
    assert upload(b"x").size == 1
