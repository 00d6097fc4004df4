"""The product file's format: its columns (Vietnamese headings), the limits on a file, and the words
for yes and no. The template, the export, the reader and the validation all use this one list."""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from marketplace.core.text import fold

# Limits on what is read (a file beyond them is refused before any row is looked at).
MAX_FILE_BYTES = 10 * 1024 * 1024
MAX_ROWS = 10_000
MAX_COLUMNS = 30
MAX_CELL_CHARS = 5_000
# The ZIP of pictures (and the .xlsx container, which is a ZIP too).
MAX_ZIP_BYTES = 50 * 1024 * 1024
MAX_ZIP_ENTRIES = 2_000
MAX_UNZIPPED_BYTES = 200 * 1024 * 1024
MAX_XLSX_UNZIPPED_BYTES = 100 * 1024 * 1024
MAX_PICTURE_BYTES = 10 * 1024 * 1024
MAX_RATIO = 100  # uncompressed / compressed, per entry

SHEET_PRODUCTS = "Sản phẩm"
SHEET_GROUPS = "Nhóm OCOP"
SHEET_HELP = "Hướng dẫn"


@dataclass(frozen=True)
class Column:
    key: str
    heading: str
    required: bool
    help: str | Promise
    example: object = ""


COLUMNS = (
    Column(
        "sku",
        "Mã SKU",
        True,
        _("Mã riêng của sản phẩm, không trùng nhau. Có mã rồi thì sửa sản phẩm đó."),
        "GS-COMCHAY-200",
    ),
    Column("title", "Tên sản phẩm", True, _("Tên hiện trên sàn."), "Cơm cháy chà bông Gia Sinh 200 g"),
    Column("category", "Nhóm OCOP", False, _("Mã nhóm trong trang “Nhóm OCOP”, ví dụ I.3b."), "I.3b"),
    Column("price", "Giá bán (đồng)", True, _("Số, không ghi chữ: 45000 hoặc 45.000."), 45000),
    Column("stock", "Số lượng còn", True, _("Số nguyên, từ 0."), 120),
    Column("weight", "Khối lượng (gam)", False, _("Số gam, ví dụ 250."), 250),
    Column(
        "description", "Mô tả", False, _("Tối đa 5.000 chữ."), "Cơm cháy giòn, chà bông heo, đóng túi zip."
    ),
    Column(
        "local_only",
        "Chỉ giao trong tỉnh",
        False,
        _("“Có” cho hàng tươi sống, “Không” cho hàng khác."),
        "Không",
    ),
    Column(
        "certificate",
        "Số quyết định OCOP",
        False,
        _("Số quyết định của giấy chứng nhận OCOP đã gửi lên sàn."),
        "",
    ),
    Column(
        "picture", "Tên tệp ảnh", False, _("Tên tệp trong tệp ZIP ảnh, ví dụ comchay.jpg."), "comchay.jpg"
    ),
)
BY_KEY = {column.key: column for column in COLUMNS}
HEADINGS = {fold(column.heading): column.key for column in COLUMNS}
# English headings are accepted too (a file prepared from the English page).
HEADINGS.update(
    {
        "sku": "sku",
        "name": "title",
        "title": "title",
        "category": "category",
        "price": "price",
        "stock": "stock",
        "weight (g)": "weight",
        "description": "description",
        "local only": "local_only",
        "ocop decision": "certificate",
        "picture": "picture",
    }
)

YES = {"co", "x", "1", "true", "yes", "dung", "c"}
NO = {"khong", "0", "false", "no", "k", "sai"}
