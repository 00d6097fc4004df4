"""Order numbers and stock: numbers from a sequence, stock reserved, consumed and released by
conditional UPDATEs (never below zero), and the search refresh those UPDATEs need."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import connection
from django.db.models import F, Value
from django.db.models.functions import Coalesce, Greatest
from django.utils.translation import gettext as _

from marketplace.outbox.services import outbox_add
from marketplace.partner.models import StockRecord

from ..exceptions import OutOfStock
from ..models import OrderNumberCounter, SubOrder

ORDER_NUMBER_SEQUENCE = "chohtx_order_number"
ORDER_NUMBER_START = 100000
SEARCH_REINDEX = "search.tasks.products_reindex"


def order_number_next() -> str:
    """A unique order number from a database sequence (PostgreSQL) or a counter row (SQLite)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT nextval(%s)", [ORDER_NUMBER_SEQUENCE])
            return str(cursor.fetchone()[0])
    while True:
        counter, __ = OrderNumberCounter.objects.get_or_create(
            name="order", defaults={"value": ORDER_NUMBER_START}
        )
        taken = OrderNumberCounter.objects.filter(pk=counter.pk, value=counter.value).update(
            value=counter.value + 1
        )
        if taken:
            return str(counter.value + 1)


def stock_allocate(*, stockrecord_id: int, quantity: int, title: str) -> None:
    """Reserve `quantity` only if that many are free, in one conditional UPDATE."""
    allocated = Coalesce(F("num_allocated"), Value(0))
    reserved = StockRecord.objects.filter(pk=stockrecord_id, num_in_stock__gte=allocated + quantity).update(
        num_allocated=allocated + quantity
    )
    if not reserved:
        raise OutOfStock(
            _(
                "Rất tiếc, “%(title)s” vừa hết hàng: người khác đã mua trước. "
                "Hãy bớt số lượng hoặc chọn sản phẩm khác."
            )
            % {"title": title}
        )


def search_stock_refresh(*, key: str, product_ids: Iterable[int | None]) -> None:
    """Stock moved by a conditional UPDATE, which fires no signal: record, in the caller's
    transaction, one outbox message that re-indexes these products (written once per `key`)."""
    wanted = sorted({pk for pk in product_ids if pk is not None})
    if wanted:
        outbox_add(key=f"search:stock:{key}", task=SEARCH_REINDEX, product_ids=wanted)


def stock_release(suborder: SubOrder) -> None:
    for line in suborder.lines.filter(allocation_cancelled=False, stockrecord__isnull=False):
        StockRecord.objects.filter(pk=line.stockrecord_id).update(
            num_allocated=Greatest(Coalesce(F("num_allocated"), Value(0)) - line.quantity, Value(0))
        )
        line.allocation_cancelled = True
        line.save(update_fields=["allocation_cancelled"])


def stock_consume(suborder: SubOrder) -> None:
    for line in suborder.lines.filter(allocation_cancelled=False, stockrecord__isnull=False):
        StockRecord.objects.filter(pk=line.stockrecord_id).update(
            num_allocated=Greatest(Coalesce(F("num_allocated"), Value(0)) - line.quantity, Value(0)),
            num_in_stock=Greatest(F("num_in_stock") - line.quantity, Value(0)),
        )
