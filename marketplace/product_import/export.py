"""Writing product files: the template (an example row), and a cooperative's products in the same
format (.xlsx or .csv), with the OCOP groups and a help sheet. Text that a spreadsheet would take
for a formula (= + - @ at the start) is written with a leading apostrophe, and .xlsx cells are
always stored as text, so opening an export never runs anything (the import removes the apostrophe)."""

from __future__ import annotations

import csv
import io

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from oscar.core.loading import get_model

from marketplace.catalogue.models import Product

from .columns import COLUMNS, SHEET_GROUPS, SHEET_HELP, SHEET_PRODUCTS

Category = get_model("catalogue", "Category")

DANGEROUS_START = ("=", "+", "-", "@", "\t", "\r")
HEADING_FILL = PatternFill("solid", fgColor="E8F3EC")
WIDTHS = {
    "sku": 20,
    "title": 40,
    "category": 12,
    "price": 16,
    "stock": 14,
    "weight": 16,
    "description": 50,
    "local_only": 18,
    "certificate": 22,
    "picture": 22,
}


def safe(value):
    if isinstance(value, str) and value.startswith(DANGEROUS_START):
        return "'" + value
    return value


def product_rows(partner):
    """One list of cell values per product the cooperative sells, in the columns' order."""
    products = (
        Product.objects.filter(stockrecords__partner=partner)
        .distinct()
        .order_by("upc")
        .prefetch_related("categories", "ocop_certificates", "stockrecords")
    )
    for product in products.iterator(chunk_size=500):
        record = next((r for r in product.stockrecords.all() if r.partner_id == partner.pk), None)
        category = next(iter(product.categories.all()), None)
        certificate = next((c for c in product.ocop_certificates.all() if c.partner_id == partner.pk), None)
        values = {
            "sku": product.upc,
            "title": product.title,
            "category": (category.code or category.name) if category else "",
            "price": int(record.price or 0) if record else "",
            "stock": record.num_in_stock if record else "",
            "weight": product.weight_grams or "",
            "description": product.description,
            "local_only": _("Có") if product.local_only else _("Không"),
            "certificate": certificate.decision_number if certificate else "",
            "picture": "",
        }
        yield [values[column.key] for column in COLUMNS]


def _text_cell(sheet, value, **style):
    cell = WriteOnlyCell(sheet, value=safe(value))
    if isinstance(value, str):
        cell.data_type = "s"
    for name, item in style.items():
        setattr(cell, name, item)
    return cell


def _groups_sheet(book) -> None:
    sheet = book.create_sheet(SHEET_GROUPS)
    sheet.column_dimensions["A"].width = 12
    sheet.column_dimensions["B"].width = 60
    sheet.column_dimensions["C"].width = 18
    bold = Font(bold=True)
    sheet.append(
        [
            _text_cell(sheet, _("Mã nhóm"), font=bold),
            _text_cell(sheet, _("Tên nhóm"), font=bold),
            _text_cell(sheet, _("Dùng được"), font=bold),
        ]
    )
    for category in Category.objects.order_by("path"):
        indent = "  " * (category.depth - 1)
        usable = _("Có") if category.numchild == 0 else _("Không (chọn nhóm con)")
        sheet.append(
            [
                _text_cell(sheet, category.code or ""),
                _text_cell(sheet, indent + category.name),
                _text_cell(sheet, usable),
            ]
        )


def _help_sheet(book) -> None:
    sheet = book.create_sheet(SHEET_HELP)
    sheet.column_dimensions["A"].width = 24
    sheet.column_dimensions["B"].width = 12
    sheet.column_dimensions["C"].width = 80
    bold = Font(bold=True)
    sheet.append(
        [
            _text_cell(sheet, _("Cột"), font=bold),
            _text_cell(sheet, _("Bắt buộc"), font=bold),
            _text_cell(sheet, _("Cách ghi"), font=bold),
        ]
    )
    for column in COLUMNS:
        sheet.append(
            [
                _text_cell(sheet, column.heading),
                _text_cell(sheet, _("Có") if column.required else ""),
                _text_cell(sheet, str(column.help)),
            ]
        )
    sheet.append([])
    for line in (
        _("Mỗi dòng là một sản phẩm. Mã SKU đã có: sửa sản phẩm đó; mã mới: thêm sản phẩm mới."),
        _("Ô để trống ở các cột không bắt buộc: giữ nguyên như cũ."),
        _("Không ghi công thức (ô bắt đầu bằng dấu =): tệp sẽ bị từ chối ở dòng đó."),
        _("Ảnh: nén tất cả ảnh vào một tệp ZIP và tải lên cùng lúc với tệp này."),
    ):
        sheet.append([_text_cell(sheet, line)])


def workbook_bytes(rows) -> bytes:
    book = Workbook(write_only=True)
    sheet = book.create_sheet(SHEET_PRODUCTS)
    sheet.freeze_panes = "A2"
    for index, column in enumerate(COLUMNS):
        sheet.column_dimensions[chr(ord("A") + index)].width = WIDTHS[column.key]
    bold = Font(bold=True)
    sheet.append(
        [
            _text_cell(
                sheet, column.heading, font=bold, fill=HEADING_FILL, alignment=Alignment(wrap_text=True)
            )
            for column in COLUMNS
        ]
    )
    for row in rows:
        sheet.append([_text_cell(sheet, value) for value in row])
    _groups_sheet(book)
    _help_sheet(book)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def template_xlsx() -> bytes:
    return workbook_bytes([[column.example for column in COLUMNS]])


def products_xlsx(partner) -> bytes:
    return workbook_bytes(product_rows(partner))


def products_csv(partner) -> bytes:
    """UTF-8 with a BOM (so Excel on Windows reads the accents), comma-separated."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([column.heading for column in COLUMNS])
    for row in product_rows(partner):
        writer.writerow([safe(value) for value in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")
