"""Checking every row of a product file against the cooperative's data before anything is written:
each cell's problem in Vietnamese ("giá “55k” không phải số"), and what each good row would do
(create, update or leave unchanged). Costs a fixed number of queries whatever the number of rows."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from marketplace.catalogue.models import Product
from marketplace.core.text import fold, nfc
from marketplace.ocop.models import Certificate
from marketplace.partner.models import StockRecord

from .columns import BY_KEY, MAX_CELL_CHARS, NO, YES
from .errors import Problem
from .reading import Table

Category = get_model("catalogue", "Category")

SKU_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._/-]{0,63}$")
GROUPED_NUMBER = re.compile(r"^\d{1,3}([.,]\d{3})+$")
CREATE, UPDATE, UNCHANGED = "create", "update", "unchanged"


@dataclass
class Row:
    number: int
    values: dict = field(default_factory=dict)  # cleaned: sku, title, price, stock, …; None = keep
    problems: list[Problem] = field(default_factory=list)
    action: str = ""
    product: Product | None = None
    record: StockRecord | None = None
    changed: list[str] = field(default_factory=list)


class CellError(Exception):
    pass


# --- cells --------------------------------------------------------------------------------------
def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return _("Có") if value else _("Không")
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = nfc(str(value)).strip()
    if text.startswith("="):
        raise CellError(
            _("“%(text)s” là công thức; hãy ghi giá trị, không ghi công thức") % {"text": text[:40]}
        )
    if text.startswith("'") and text[1:2] in ("=", "+", "-", "@"):
        text = text[1:]  # the export's guard against formulas, taken off again
    if len(text) > MAX_CELL_CHARS:
        raise CellError(_("dài quá %(max)s ký tự") % {"max": f"{MAX_CELL_CHARS:,}".replace(",", ".")})
    return text


def _whole_number(value, *, what: str) -> int | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        raise CellError(_("%(what)s “%(value)s” không phải số") % {"what": what, "value": value})
    if isinstance(value, int):
        return value
    if isinstance(value, float | Decimal):
        if value != int(value):
            raise CellError(_("%(what)s “%(value)s” phải là số nguyên") % {"what": what, "value": value})
        return int(value)
    text = _text(value)
    compact = text.lower().replace(" ", "").replace("\xa0", "")
    for suffix in ("₫", "đồng", "đ", "vnd", "d"):
        if compact.endswith(suffix):
            compact = compact[: -len(suffix)]
            break
    if compact.isdigit():
        return int(compact)
    if GROUPED_NUMBER.match(compact):
        return int(compact.replace(".", "").replace(",", ""))
    raise CellError(_("%(what)s “%(value)s” không phải số") % {"what": what, "value": text[:40]})


def _in_range(number: int | None, low: int, high: int, *, what: str) -> int | None:
    if number is not None and not low <= number <= high:
        raise CellError(
            _("%(what)s %(value)s phải từ %(low)s đến %(high)s")
            % {
                "what": what,
                "value": number,
                "low": f"{low:,}".replace(",", "."),
                "high": f"{high:,}".replace(",", "."),
            }
        )
    return number


def _yes_no(value) -> bool | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        return value
    text = fold(_text(value))
    if text in YES:
        return True
    if text in NO:
        return False
    raise CellError(_("hãy ghi “Có” hoặc “Không”, không ghi “%(value)s”") % {"value": str(value)[:40]})


# --- the file -----------------------------------------------------------------------------------
class Lookups:
    """Everything the rows are checked against, loaded once."""

    def __init__(self, partner, skus: list[str]):
        self.partner = partner
        leaves = Category.objects.filter(numchild=0)
        self.categories = {fold(c.code): c for c in leaves if c.code}
        self.categories.update({fold(c.name): c for c in leaves})
        certificates = Certificate.objects.filter(partner=partner).exclude(status="rejected")
        self.certificates = {fold(c.decision_number): c for c in certificates}
        products = Product.objects.filter(upc__in=skus).prefetch_related("categories", "ocop_certificates")
        records = StockRecord.objects.filter(product__upc__in=skus, partner=partner)
        self.own_records = {record.product_id: record for record in records}
        self.products = {product.upc: product for product in products}

    def existing(self, sku: str):
        """(product, its stock record) if the cooperative sells this SKU; (product, None) if another
        cooperative does; (None, None) if nobody does."""
        product = self.products.get(sku)
        if product is None:
            return None, None
        return product, self.own_records.get(product.pk)


CHECKS = {
    "sku": lambda value: _text(value),
    "title": lambda value: _title(value),
    "category": lambda value: _text(value),
    "price": lambda value: _in_range(_whole_number(value, what=_("giá")), 1000, 1_000_000_000, what=_("giá")),
    "stock": lambda value: _in_range(
        _whole_number(value, what=_("số lượng")), 0, 1_000_000, what=_("số lượng")
    ),
    "weight": lambda value: _in_range(
        _whole_number(value, what=_("khối lượng")), 1, 100_000, what=_("khối lượng")
    ),
    "description": lambda value: _text(value),
    "local_only": _yes_no,
    "certificate": lambda value: _text(value),
    "picture": lambda value: _text(value),
}


def _title(value) -> str:
    text = _text(value)
    if len(text) > 255:
        raise CellError(_("tên dài quá 255 ký tự"))
    return text


def _clean_cells(row: Row, raw: dict) -> None:
    for key, value in raw.items():
        try:
            row.values[key] = CHECKS[key](value)
        except CellError as error:
            row.problems.append(Problem(row.number, BY_KEY[key].heading, str(error)))
    for key in ("sku", "title", "price", "stock"):
        if (
            key in raw
            and row.values.get(key) in (None, "")
            and not any(p.column == BY_KEY[key].heading for p in row.problems)
        ):
            row.problems.append(Problem(row.number, BY_KEY[key].heading, _("chưa ghi (bắt buộc)")))
    for key in ("sku", "title", "price", "stock"):
        if key not in raw:
            row.problems.append(Problem(row.number, BY_KEY[key].heading, _("tệp thiếu cột này")))


def _resolve(row: Row, lookups: Lookups, pictures) -> None:
    values = row.values
    sku = values.get("sku") or ""
    if sku and not SKU_PATTERN.match(sku):
        row.problems.append(
            Problem(
                row.number,
                BY_KEY["sku"].heading,
                _("mã “%(sku)s” chỉ được gồm chữ không dấu, số và - _ . / (tối đa 64 ký tự)")
                % {"sku": sku[:40]},
            )
        )
        return
    if values.get("category"):
        category = lookups.categories.get(fold(values["category"]))
        if category is None:
            row.problems.append(
                Problem(
                    row.number,
                    BY_KEY["category"].heading,
                    _("không có nhóm “%(value)s” (xem trang “Nhóm OCOP” của tệp mẫu)")
                    % {"value": values["category"]},
                )
            )
        values["category"] = category
    else:
        values["category"] = None
    if values.get("certificate"):
        certificate = lookups.certificates.get(fold(values["certificate"]))
        if certificate is None:
            row.problems.append(
                Problem(
                    row.number,
                    BY_KEY["certificate"].heading,
                    _("hợp tác xã chưa gửi giấy chứng nhận OCOP số “%(value)s” lên sàn")
                    % {"value": values["certificate"]},
                )
            )
        values["certificate"] = certificate
    else:
        values["certificate"] = None
    if values.get("picture"):
        problem = pictures.check(values["picture"])
        if problem:
            row.problems.append(Problem(row.number, BY_KEY["picture"].heading, problem))
    if sku:
        product, record = lookups.existing(sku)
        if product is not None and record is None:
            # Another cooperative's product: say nothing about it.
            row.problems.append(
                Problem(
                    row.number,
                    BY_KEY["sku"].heading,
                    _("mã “%(sku)s” đã được dùng trên sàn; hãy đặt mã khác") % {"sku": sku},
                )
            )
        row.product, row.record = product, record
        if record is not None and record.kept_by_batch and values.get("stock") != (record.num_in_stock or 0):
            row.problems.append(
                Problem(
                    row.number,
                    BY_KEY["stock"].heading,
                    _(
                        "sản phẩm này tính số lượng theo lô (hiện còn %(n)s): hãy để nguyên số này; "
                        "thêm hàng bằng lô mới ở mục Lô hàng"
                    )
                    % {"n": record.num_in_stock or 0},
                )
            )


def _changes(row: Row) -> list[str]:
    product, record, values = row.product, row.record, row.values
    # Only rows whose SKU this cooperative already sells are compared (_resolve refuses the others).
    assert product is not None and record is not None
    changed = []
    if values["title"] != product.title:
        changed.append("title")
    if values.get("description") and values["description"] != product.description:
        changed.append("description")
    if values.get("weight") is not None and values["weight"] != product.weight_grams:
        changed.append("weight_grams")
    if values.get("local_only") is not None and values["local_only"] != product.local_only:
        changed.append("local_only")
    if Decimal(values["price"]) != record.price:
        changed.append("price")
    if values["stock"] != (record.num_in_stock or 0):
        changed.append("num_in_stock")
    category = values.get("category")
    if category is not None and [c.pk for c in product.categories.all()] != [category.pk]:
        changed.append("category")
    certificate = values.get("certificate")
    if certificate is not None and certificate.pk not in {c.pk for c in product.ocop_certificates.all()}:
        changed.append("certificate")
    if values.get("picture"):
        changed.append("photo")
    return changed


def validate(partner, table: Table, pictures) -> list[Row]:
    """Every row checked; duplicate SKUs within the file refused (the second and later ones)."""
    raw_skus = [_safe_sku(raw.get("sku")) for __, raw in table.rows]
    lookups = Lookups(partner, [sku for sku in raw_skus if sku])
    rows: list[Row] = []
    first_seen: dict[str, int] = {}
    for number, raw in table.rows:
        row = Row(number)
        _clean_cells(row, raw)
        sku = row.values.get("sku")
        if sku and sku in first_seen:
            row.problems.append(
                Problem(
                    number,
                    BY_KEY["sku"].heading,
                    _("mã “%(sku)s” trùng với dòng %(first)s") % {"sku": sku, "first": first_seen[sku]},
                )
            )
        elif sku:
            first_seen[sku] = number
        if not row.problems:
            _resolve(row, lookups, pictures)
        if not row.problems:
            if row.product is None:
                row.action = CREATE
            else:
                row.changed = _changes(row)
                row.action = UPDATE if row.changed else UNCHANGED
        rows.append(row)
    return rows


def _safe_sku(value) -> str:
    try:
        return _text(value)
    except CellError:
        return ""
