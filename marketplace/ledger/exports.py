"""Files for people outside the floor: a cooperative's statement (PDF in Vietnamese, Excel), the
bank's bulk-transfer file (Excel, CSV) and the monthly withholding declaration (Excel)."""

from __future__ import annotations

import csv
import io

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from marketplace.core.fonts import pdf_font
from marketplace.core.money import format_vnd
from marketplace.partner.banks import bank_name

from .months import VIETNAM, month_bounds
from .selectors import StatementRow, statement_rows, withholdings

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _workbook(title: str, header: list[str], rows: list[list], heading: list[list] | None = None) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = title[:31]
    for line in heading or []:
        sheet.append(line)
    if heading:
        sheet.append([])
    sheet.append(header)
    for cell in sheet[sheet.max_row]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append(row)
    for column in sheet.columns:
        width = max(len(str(cell.value or "")) for cell in column)
        sheet.column_dimensions[column[0].column_letter].width = min(max(width + 2, 10), 48)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


# --- Statements ---------------------------------------------------------------------------------
def statement_header() -> list[str]:
    return [
        _("Ngày"),
        _("Đơn / khoản"),
        _("Cách thanh toán"),
        _("Tiền hàng và phí giao"),
        _("HTX đã thu trực tiếp"),
        _("Hoa hồng"),
        _("Hoàn tiền"),
        _("Thuế khấu trừ"),
        _("Liên minh đã chuyển"),
        _("Khác"),
        _("Cộng"),
    ]


def _row_cells(row: StatementRow) -> list:
    local = row.occurred_at.astimezone(VIETNAM)
    return [
        local.strftime("%d/%m/%Y"),
        row.label,
        row.method,
        row.sales,
        row.collected,
        row.commission,
        row.refunds,
        row.withholding,
        row.payouts,
        row.other,
        row.net,
    ]


def _statement_heading(statement) -> list[list]:
    return [
        [_("Bảng kê tháng %(month)s") % {"month": statement.month.strftime("%m/%Y")}],
        [statement.partner.name],
        [_("Số dư đầu kỳ"), statement.opening],
        [_("Số dư cuối kỳ"), statement.closing],
        [_("Số dương: liên minh nợ hợp tác xã; số âm: hợp tác xã nợ liên minh.")],
    ]


def statement_xlsx(statement) -> bytes:
    rows = [_row_cells(row) for row in statement_rows(statement.partner, statement.month)]
    total = [
        "",
        _("Cộng tháng"),
        "",
        *[getattr(statement, name) for name in TOTALS],
        statement.closing - statement.opening,
    ]
    return _workbook(_("Bảng kê"), statement_header(), [*rows, total], heading=_statement_heading(statement))


TOTALS = ("sales", "collected", "commission", "refunds", "withholding", "payouts", "other")


def statement_pdf(statement) -> bytes:
    """The statement on A4 landscape, in Vietnamese (DejaVu Sans, embedded)."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    font = pdf_font()
    normal = ParagraphStyle("normal", fontName=font, fontSize=9, leading=12)
    title = ParagraphStyle("title", fontName="DejaVuSans-Bold", fontSize=14, leading=18)
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=landscape(A4),
        leftMargin=28,
        rightMargin=28,
        topMargin=28,
        bottomMargin=28,
        title=_("Bảng kê tháng %(month)s") % {"month": statement.month.strftime("%m/%Y")},
        author="Chợ HTX",
    )
    heading = _statement_heading(statement)
    story = [
        Paragraph(heading[0][0], title),
        Paragraph(statement.partner.name, normal),
        Spacer(0, 6),
        Paragraph(f"{heading[2][0]}: {format_vnd(statement.opening)}", normal),
        Paragraph(f"{heading[3][0]}: <b>{format_vnd(statement.closing)}</b>", normal),
        Paragraph(heading[4][0], normal),
        Spacer(0, 8),
    ]
    rows = [_row_cells(row) for row in statement_rows(statement.partner, statement.month)]
    totals = [getattr(statement, name) for name in TOTALS]
    body = [
        [cell if isinstance(cell, str) else _money(cell) for cell in row]
        for row in [*rows, ["", _("Cộng tháng"), "", *totals, statement.closing - statement.opening]]
    ]
    header = [Paragraph(text, normal) for text in statement_header()]
    table = Table([header, *body], repeatRows=1, colWidths=[52, 78, 80, 66, 66, 58, 58, 58, 66, 50, 66])
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), font, 8),
                ("FONT", (0, -1), (-1, -1), "DejaVuSans-Bold", 8),
                ("ALIGN", (3, 1), (-1, -1), "RIGHT"),
                ("GRID", (0, 0), (-1, -1), 0.25, colors.grey),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eeeeee")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    story.append(table)
    doc.build(story)
    return buffer.getvalue()


def _money(value: int) -> str:
    return format_vnd(value) if value else "–"


# --- Payouts ------------------------------------------------------------------------------------
def payout_header() -> list[str]:
    return [
        _("Mã ngân hàng (BIN)"),
        _("Ngân hàng"),
        _("Số tài khoản"),
        _("Chủ tài khoản"),
        _("Số tiền"),
        _("Nội dung"),
    ]


def payout_rows(batch) -> list[list]:
    return [
        [p.bank_bin, bank_name(p.bank_bin), p.account_number, p.account_holder, int(p.amount), p.note]
        for p in batch.payouts.order_by("pk")
    ]


def payout_xlsx(batch) -> bytes:
    return _workbook(_("Chi trả"), payout_header(), payout_rows(batch))


def payout_csv(batch) -> bytes:
    """UTF-8 with a byte-order mark, so that Excel opens the Vietnamese names correctly."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["bank_bin", "bank_name", "account_number", "account_holder", "amount", "note"])
    writer.writerows(payout_rows(batch))
    return ("\ufeff" + buffer.getvalue()).encode()


# --- Withholding declaration --------------------------------------------------------------------
def withholding_xlsx(month) -> bytes:
    """Per seller and sub-order: revenue, VAT and PIT withheld (negative rows give tax back), with
    each seller's tax code, for the alliance's accountant to declare."""
    start, end = month_bounds(month)
    header = [
        _("Người bán"),
        _("Mã số thuế / CCCD"),
        _("Đơn"),
        _("Ngày"),
        _("Loại"),
        _("Doanh thu"),
        _("Thuế GTGT"),
        _("Thuế TNCN"),
        _("Căn cứ"),
    ]
    rows = []
    for item in withholdings(start, end):
        rows.append(
            [
                item.partner.name,
                item.partner.tax_code,
                item.suborder.number,
                item.occurred_at.astimezone(start.tzinfo).strftime("%d/%m/%Y"),
                item.rate.get_supply_display(),
                item.revenue,
                item.vat,
                item.pit,
                item.rate.legal_basis,
            ]
        )
    total = ["", "", _("Cộng"), "", "", *(sum(row[i] for row in rows) for i in (5, 6, 7)), ""]
    heading = [[_("Số liệu khấu trừ, nộp thay thuế tháng %(month)s") % {"month": month.strftime("%m/%Y")}]]
    return _workbook(_("Khấu trừ thuế"), header, [*rows, total], heading=heading)
