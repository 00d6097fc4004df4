"""Product files for the tests: .xlsx built with openpyxl, CSV in a chosen encoding, ZIPs of pictures."""

import io
import unicodedata
import zipfile

import openpyxl
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from marketplace.product_import.columns import COLUMNS

HEADINGS = [column.heading for column in COLUMNS]
TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def row(sku, title="Cơm cháy chà bông 200 g", price=45000, stock=10, **extra):
    values = {"sku": sku, "title": title, "price": price, "stock": stock, **extra}
    return [values.get(column.key, "") for column in COLUMNS]


def xlsx(rows, headings=HEADINGS) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Sản phẩm"
    sheet.append(headings)
    for values in rows:
        sheet.append(values)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def csv_text(rows, headings=HEADINGS, sep=",") -> str:
    import csv

    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=sep)
    writer.writerow(headings)
    for values in rows:
        writer.writerow(values)
    return buffer.getvalue()


def to_cp1258(text: str) -> bytes:
    """As Excel for Windows saves Vietnamese CSV: base letters precomposed, tones as combining marks."""
    out = b""
    for char in unicodedata.normalize("NFC", text):
        try:
            out += char.encode("cp1258")
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", char)
            base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in TONES))
            out += base.encode("cp1258") + "".join(c for c in parts if c in TONES).encode("cp1258")
    return out


def upload(data: bytes, name="san-pham.xlsx") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data)


def jpeg(size=(60, 40)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, (30, 140, 60)).save(buffer, "JPEG")
    return buffer.getvalue()


def zipped(files: dict, name="anh.zip") -> SimpleUploadedFile:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for filename, data in files.items():
            archive.writestr(filename, data)
    return SimpleUploadedFile(name, buffer.getvalue())
