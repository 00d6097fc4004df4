"""An authority export as an Excel workbook (openpyxl): the seller's identification, its sub-orders in
the period and their lines, money in whole đồng as numbers."""

from __future__ import annotations

import io

from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from .models import AuthorityExport
from .selectors import sales_for_period

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
MONEY = "#,##0"


def _when(value) -> str:
    return timezone.localtime(value).strftime("%d/%m/%Y %H:%M") if value else ""


def _bold_first_row(sheet) -> None:
    for cell in sheet[1]:
        cell.font = Font(bold=True)


def _identification(sheet, record: AuthorityExport) -> None:
    partner = record.partner
    verifier = partner.identity_verified_by
    sheet.title = _("Người bán")
    rows = [
        (_("Mục"), _("Nội dung")),
        (_("Tên"), partner.name),
        (_("Loại hình"), partner.get_kind_display()),
        (_("Số giấy chứng nhận đăng ký"), partner.registration_number),
        (_("Mã số thuế"), partner.tax_code),
        (_("Người đại diện theo pháp luật"), partner.legal_representative),
        (_("Địa chỉ"), partner.address_line),
        (_("Điện thoại"), partner.display_phone),
        (_("Email"), partner.email),
        (_("Trạng thái"), partner.get_status_display()),
        (_("Cách xác minh danh tính"), partner.get_identity_method_display()),
        (_("Giấy tờ đã đối chiếu"), partner.identity_document),
        (_("Mã định danh điện tử (VNeID)"), partner.identity_vneid_reference),
        (_("Người xác minh"), verifier.email if verifier else ""),
        (_("Xác minh danh tính lúc"), _when(partner.identity_verified_at)),
        (_("Kỳ trích xuất"), f"{record.period_start:%d/%m/%Y} – {record.period_end:%d/%m/%Y}"),
        (_("Cơ quan yêu cầu"), record.requested_by),
        (_("Người trích xuất"), record.made_by.email),
        (_("Trích xuất lúc"), _when(record.made_at)),
    ]
    for row in rows:
        sheet.append(list(row))
    _bold_first_row(sheet)
    sheet.column_dimensions["A"].width = 34
    sheet.column_dimensions["B"].width = 60


def authority_xlsx(record: AuthorityExport) -> bytes:
    book = Workbook()
    _identification(book.active, record)
    orders = book.create_sheet(_("Đơn hàng"))
    orders.append(
        [
            _("Mã đơn"),
            _("Ngày đặt"),
            _("Trạng thái"),
            _("Cách thanh toán"),
            _("Tiền hàng"),
            _("Phí giao hàng"),
            _("Tổng cộng"),
        ]
    )
    lines = book.create_sheet(_("Dòng hàng"))
    lines.append([_("Mã đơn"), _("Sản phẩm"), _("Mã hàng"), _("Số lượng"), _("Đơn giá"), _("Thành tiền")])
    for suborder in sales_for_period(record):
        orders.append(
            [
                suborder.number,
                _when(suborder.created_at),
                suborder.get_status_display(),
                suborder.payment_method,
                int(suborder.lines_total),
                int(suborder.shipping_charge),
                int(suborder.total),
            ]
        )
        for line in suborder.order.lines.all():
            if line.partner_id == suborder.partner_id:
                lines.append(
                    [
                        suborder.number,
                        line.title,
                        line.partner_sku,
                        line.quantity,
                        int(line.unit_price_incl_tax or 0),
                        int(line.line_price_incl_tax or 0),
                    ]
                )
    for sheet, money in ((orders, "EFG"), (lines, "EF")):
        _bold_first_row(sheet)
        for column in money:
            for cell in sheet[column][1:]:
                cell.number_format = MONEY
            sheet.column_dimensions[column].width = 14
        sheet.column_dimensions["A"].width = 22
        sheet.column_dimensions["B"].width = 36
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
