"""The analytics as an Excel workbook (openpyxl): one sheet per table of the page, money in whole
đồng as numbers (formatted #,##0) so the accountant can add them up."""

import io

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from .selectors.alliance import ADOPTION_COLUMNS
from .selectors.words import method_label

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
MONEY = "#,##0"


def _sheet(book, title, headings, rows, money_columns=()):
    sheet = book.create_sheet(title[:31])
    sheet.append(headings)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append(list(row))
    for column in money_columns:
        for (cell,) in sheet.iter_rows(min_row=2, min_col=column, max_col=column):
            cell.number_format = MONEY
    for index, heading in enumerate(headings, start=1):
        sheet.column_dimensions[sheet.cell(1, index).column_letter].width = max(12, len(str(heading)) + 2)
    return sheet


def adoption_headings():
    labels = {
        "total": _("Đã đăng ký"),
        "applied": _("Đang chờ duyệt"),
        "approved": _("Đã duyệt"),
        "on_sale": _("Có sản phẩm đang bán"),
        "bank": _("Có tài khoản ngân hàng (VietQR)"),
        "ocop": _("Có chứng nhận OCOP đã xác minh"),
        "active": _("Có đơn trong 30 ngày qua"),
    }
    return [labels[key] for key in ADOPTION_COLUMNS]


def analytics_xlsx(data: dict) -> bytes:
    filters, total = data["filters"], data["total"]
    book = Workbook()
    summary = book.active
    summary.title = _("Tổng quan")
    for row in (
        (_("Từ tháng"), filters.first.strftime("%m/%Y")),
        (_("Đến tháng"), filters.last.strftime("%m/%Y")),
        (_("Vùng"), filters.area or _("Cả ba vùng")),
        (_("Số đơn"), total.orders),
        (_("Đơn bị huỷ"), total.cancelled),
        (_("Tỉ lệ huỷ (%)"), total.cancellation_rate),
        (_("GMV (đồng)"), total.gmv),
        (_("Giá trị trung bình mỗi đơn (đồng)"), total.average_order),
        (_("Số ngày trung bình từ đặt đến giao"), total.delivery_days),
    ):
        summary.append(row)
    summary.column_dimensions["A"].width = 40
    summary.column_dimensions["B"].width = 18
    for (cell,) in summary.iter_rows(min_row=7, max_row=8, min_col=2, max_col=2):
        cell.number_format = MONEY
    _sheet(
        book,
        _("Mức độ tham gia"),
        [_("Vùng"), *adoption_headings()],
        ([row["area"], *(row[key] for key in ADOPTION_COLUMNS)] for row in data["adoption"]),
    )
    _sheet(
        book,
        _("Tham gia theo tháng"),
        [_("Tháng"), _("Đã đăng ký"), _("Đã duyệt"), _("Có đơn trong tháng")],
        (
            (row["month"].strftime("%m/%Y"), row["applied"], row["approved"], row["selling"])
            for row in data["adoption_months"]
        ),
    )
    _sheet(
        book,
        _("Theo tháng"),
        [_("Tháng"), _("Số đơn"), _("Đơn bị huỷ"), _("GMV (đồng)")],
        ((month.strftime("%m/%Y"), t.orders, t.cancelled, t.gmv) for month, t in data["by_month"]),
        money_columns=(4,),
    )
    _sheet(
        book,
        _("Theo vùng"),
        [_("Vùng"), _("Số đơn"), _("Đơn bị huỷ"), _("GMV (đồng)")],
        ((area, t.orders, t.cancelled, t.gmv) for area, t in data["by_area"]),
        money_columns=(4,),
    )
    _sheet(
        book,
        _("Theo nhóm OCOP"),
        [_("Nhóm OCOP"), _("Hạng sao"), _("Số sản phẩm bán"), _("GMV (đồng)")],
        (
            (row["group"] or _("Không OCOP"), row["stars"] or "", row["quantity"], row["gmv"])
            for row in data["by_group"]
        ),
        money_columns=(4,),
    )
    _sheet(
        book,
        _("Cách trả tiền"),
        [_("Cách trả"), _("Số đơn"), _("GMV (đồng)")],
        ((method_label(code), orders, gmv) for code, (orders, gmv) in total.methods.items()),
        money_columns=(3,),
    )
    for title, rows in ((_("Bán nhiều nhất"), data["top"]), (_("Bán ít nhất"), data["bottom"])):
        _sheet(
            book,
            title,
            [_("Hợp tác xã"), _("Vùng"), _("Số đơn"), _("GMV (đồng)")],
            ((row["name"], row["area"], row["orders"], row["gmv"]) for row in rows),
            money_columns=(4,),
        )
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
