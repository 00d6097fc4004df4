"""Reading a product file (.xlsx with openpyxl in read-only mode, or .csv in any of the encodings
Vietnamese spreadsheets are saved in) into rows of cell values, with the limits of columns.py.

Formulas are never evaluated: openpyxl is opened with `data_only=False`, so a formula cell reads as
its text ("=A1*2") and the validation refuses it."""

from __future__ import annotations

import codecs
import csv
import io
from dataclasses import dataclass

import openpyxl
from django.utils.translation import gettext as _

from marketplace.core.text import fold, nfc

from .columns import HEADINGS, MAX_COLUMNS, MAX_FILE_BYTES, MAX_ROWS, MAX_XLSX_UNZIPPED_BYTES, SHEET_PRODUCTS
from .errors import FileRefused
from .zipguard import open_zip

XLSX_MAGIC = b"PK\x03\x04"
OLD_EXCEL_MAGIC = b"\xd0\xcf\x11\xe0"


@dataclass
class Table:
    columns: dict[int, str]  # position -> column key
    rows: list[tuple[int, dict]]  # (row number as the person sees it, {key: value})
    encoding: str = ""
    unknown: tuple[str, ...] = ()


def detect_encoding(data: bytes) -> str:
    """UTF-8 (with or without BOM), UTF-16 (BOM, or the NUL bytes of plain ASCII), else Windows-1258,
    the code page Excel for Windows uses for Vietnamese CSV."""
    if data.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    head = data[:4000]
    if head and head.count(b"\x00") > len(head) // 4:
        return "utf-16-le" if head[1:2] == b"\x00" else "utf-16-be"
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return "cp1258"
    return "utf-8"


def _heading_map(headings: list) -> tuple[dict[int, str], tuple[str, ...]]:
    columns, unknown, seen = {}, [], set()
    for position, heading in enumerate(headings):
        text = " ".join(nfc(str(heading or "")).split())
        if not text:
            continue
        key = HEADINGS.get(fold(text))
        if key is None:
            unknown.append(text)
        elif key in seen:
            raise FileRefused(_("Cột “%(heading)s” có hai lần.") % {"heading": text})
        else:
            columns[position] = key
            seen.add(key)
    return columns, tuple(unknown)


def _table(raw_rows, encoding: str = "") -> Table:
    rows = iter(raw_rows)
    try:
        headings = list(next(rows))
    except StopIteration:
        raise FileRefused(_("Tệp trống: không có dòng tiêu đề."))
    if len([h for h in headings if h not in (None, "")]) > MAX_COLUMNS:
        raise FileRefused(_("Tệp có quá nhiều cột (tối đa %(max)s).") % {"max": MAX_COLUMNS})
    columns, unknown = _heading_map(headings[: MAX_COLUMNS + 1])
    if "sku" not in columns.values():
        raise FileRefused(
            _("Không thấy cột “Mã SKU” ở dòng đầu. Hãy dùng tệp mẫu và giữ nguyên dòng tiêu đề.")
        )
    table = Table(columns=columns, rows=[], encoding=encoding, unknown=unknown)
    for number, raw in enumerate(rows, start=2):
        values = {key: raw[position] if position < len(raw) else None for position, key in columns.items()}
        if all(
            value in (None, "") or (isinstance(value, str) and not value.strip()) for value in values.values()
        ):
            continue  # an empty row
        if len(table.rows) >= MAX_ROWS:
            raise FileRefused(
                _("Tệp có quá nhiều dòng (tối đa %(max)s sản phẩm mỗi lần). Hãy chia thành nhiều tệp.")
                % {"max": f"{MAX_ROWS:,}".replace(",", ".")}
            )
        table.rows.append((number, values))
    return table


def read_xlsx(handle) -> Table:
    open_zip(handle, max_total=MAX_XLSX_UNZIPPED_BYTES, what=_("Tệp Excel"))
    handle.seek(0)
    try:
        book = openpyxl.load_workbook(handle, read_only=True, data_only=False, keep_links=False)
    except Exception:  # openpyxl raises many kinds on a broken file
        raise FileRefused(_("Không mở được tệp Excel. Hãy lưu lại dưới dạng .xlsx rồi thử lại."))
    try:
        sheet = book[SHEET_PRODUCTS] if SHEET_PRODUCTS in book.sheetnames else book.worksheets[0]
        if sheet.max_row and sheet.max_row > MAX_ROWS + 50:
            raise FileRefused(
                _("Tệp có quá nhiều dòng (tối đa %(max)s sản phẩm mỗi lần). Hãy chia thành nhiều tệp.")
                % {"max": f"{MAX_ROWS:,}".replace(",", ".")}
            )
        rows = sheet.iter_rows(max_col=MAX_COLUMNS + 1, values_only=True)
        return _table(rows)
    finally:
        book.close()


def read_csv(data: bytes) -> Table:
    encoding = detect_encoding(data)
    try:
        text = nfc(data.decode(encoding))
    except UnicodeDecodeError:
        raise FileRefused(_("Không đọc được chữ trong tệp CSV. Hãy lưu lại với bảng mã UTF-8."))
    if "\x00" in text:
        raise FileRefused(_("Tệp CSV có ký tự lạ. Hãy lưu lại với bảng mã UTF-8."))
    sample = text[:4000]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    csv.field_size_limit(MAX_FILE_BYTES)
    try:
        return _table(csv.reader(io.StringIO(text, newline=""), dialect), encoding)
    except csv.Error:
        raise FileRefused(_("Tệp CSV không đúng định dạng (dấu ngoặc kép không khớp?)."))


def read_table(upload) -> Table:
    """Refuse anything but a product file within the limits; read .xlsx or .csv by content."""
    if upload.size > MAX_FILE_BYTES:
        raise FileRefused(_("Tệp quá lớn (tối đa %(max)s MB).") % {"max": MAX_FILE_BYTES // (1024 * 1024)})
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    name = (getattr(upload, "name", "") or "").lower()
    if head.startswith(XLSX_MAGIC):
        return read_xlsx(upload)
    if head.startswith(OLD_EXCEL_MAGIC) or name.endswith(".xls"):
        raise FileRefused(_("Đây là tệp Excel cũ (.xls). Hãy mở bằng Excel và lưu lại dưới dạng .xlsx."))
    data = upload.read()
    if name.endswith((".pdf", ".doc", ".docx", ".jpg", ".png", ".zip")) or data[:5] == b"%PDF-":
        raise FileRefused(_("Chỉ nhận tệp Excel (.xlsx) hoặc CSV."))
    if b"\x00" in data[:4000] and detect_encoding(data).startswith("utf-8"):
        raise FileRefused(_("Chỉ nhận tệp Excel (.xlsx) hoặc CSV."))
    return read_csv(data)
