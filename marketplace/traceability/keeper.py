"""The order app's `BatchKeeper` (marketplace/order/batches.py): which batch each line of a
sub-order leaves from. Called inside the sub-order's step transaction, so the batch's stock and the
sub-order's status change together or not at all.

For a product kept by batch (`stock.py`) every unit packed must leave from an open batch: packing
takes the units off the batch and the line's reservation off the stock record (the line holds no
stock any more, so shipping consumes nothing), and the stock record is recomputed from the batches.
Cancelling gives the units back to their batches; so does a resellable return."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping

from django.db.models import F, Value
from django.db.models.functions import Coalesce, Greatest
from django.utils import timezone
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from marketplace.order.batches import BatchOption, LineBatches
from marketplace.order.exceptions import SubOrderActionRefused
from marketplace.order.models import SubOrder
from marketplace.partner.models import StockRecord

from .models import Batch, BatchLine
from .selectors import first_expiring
from .stock import batches_expire, kept_by_batch, stock_sync, stock_sync_many

Line = get_model("order", "Line")


def _lines(suborder: SubOrder) -> list:
    return list(
        Line.objects.filter(order_id=suborder.order_id, partner_id=suborder.partner_id).order_by("pk")
    )


def _recorded(lines: list) -> dict[int, list[str]]:
    recorded: dict[int, list[str]] = defaultdict(list)
    rows = BatchLine.objects.filter(line__in=lines).select_related("batch").order_by("pk")
    for row in rows:
        recorded[row.line_id].append(row.batch.code)
    return recorded


def _available(suborder: SubOrder, lines: list, *, lock: bool = False) -> dict[int, list[Batch]]:
    """Per product, the cooperative's batches that may still ship, first expiring first."""
    batches = first_expiring(
        Batch.objects.filter(
            partner_id=suborder.partner_id, product_id__in={line.product_id for line in lines}
        )
    ).exclude(best_before__lt=timezone.localdate())
    if lock:
        batches = batches.select_for_update()
    by_product: dict[int, list[Batch]] = defaultdict(list)
    for batch in batches:
        by_product[batch.product_id].append(batch)
    return by_product


def option_label(batch: Batch) -> str:
    label = batch.code
    if batch.best_before:
        label += " · " + _("HSD %(date)s") % {"date": batch.best_before.strftime("%d/%m/%Y")}
    return label + " · " + _("còn %(n)s") % {"n": batch.remaining}


class LotKeeper:
    def lines(self, suborder: SubOrder) -> list[LineBatches]:
        lines = _lines(suborder)
        recorded = _recorded(lines)
        available = _available(suborder, lines)
        return [
            LineBatches(
                line_id=line.pk,
                title=line.title,
                quantity=line.quantity,
                options=tuple(BatchOption(b.pk, option_label(b)) for b in available.get(line.product_id, [])),
                shipped_from=tuple(recorded.get(line.pk, [])),
            )
            for line in lines
        ]

    def assign(self, suborder: SubOrder, chosen: Mapping[int, int]) -> None:
        lines = _lines(suborder)
        recorded = _recorded(lines)
        kept = kept_by_batch(suborder.partner_id, {line.product_id for line in lines if line.product_id})
        available = _available(suborder, lines, lock=True)
        packed: set[int] = set()
        for line in lines:
            if line.pk in recorded or line.product_id is None:
                continue
            candidates = available.get(line.product_id, [])
            choice = chosen.get(line.pk)
            by_batch = line.product_id in kept
            if choice == 0 and by_batch:
                raise SubOrderActionRefused(
                    _("“%(title)s” được tính tồn kho theo lô: hãy chọn lô xuất hàng cho dòng này.")
                    % {"title": line.title}
                )
            if choice == 0:
                continue
            if by_batch:
                packed.add(line.product_id)
            if choice is None:
                taken = self._take_first_expiring(line, candidates)
                if by_batch and taken < line.quantity:
                    raise SubOrderActionRefused(
                        _(
                            "Các lô đang bán của “%(title)s” chỉ còn %(n)s, không đủ %(quantity)s. "
                            "Hãy nhập lô mới ở mục Lô hàng hoặc huỷ đơn."
                        )
                        % {"title": line.title, "n": taken, "quantity": line.quantity}
                    )
                if by_batch:
                    _reservation_consume(line)
                continue
            batch = next((b for b in candidates if b.pk == choice), None)
            if batch is None:
                raise SubOrderActionRefused(
                    _(
                        "Lô đã chọn cho “%(title)s” không còn dùng được "
                        "(hết hàng, bị thu hồi hoặc không phải lô của sản phẩm này)."
                    )
                    % {"title": line.title}
                )
            if batch.remaining < line.quantity:
                raise SubOrderActionRefused(
                    _("Lô %(code)s chỉ còn %(n)s, không đủ %(quantity)s cho “%(title)s”.")
                    % {
                        "code": batch.code,
                        "n": batch.remaining,
                        "quantity": line.quantity,
                        "title": line.title,
                    }
                )
            _take(batch, line, line.quantity)
            if by_batch:
                _reservation_consume(line)
        # Batches past their date (never offered above) leave the stock now rather than at night.
        # Locks are taken batches first, the stock record last, as every other writer does.
        if kept:
            batches_expire(partner_id=suborder.partner_id, product_ids=kept)
        for product_id in sorted(packed):
            stock_sync(partner_id=suborder.partner_id, product_id=product_id)

    def _take_first_expiring(self, line, candidates: list[Batch]) -> int:
        """By default a line leaves from the batch expiring first; if that one has too few units
        the rest comes from the next. Units no batch holds are shipped without a batch (only for a
        product not kept by batch). Returns the units taken from batches."""
        wanted = line.quantity
        for batch in candidates:
            if wanted <= 0:
                break
            taken = min(wanted, batch.remaining)
            if taken:
                _take(batch, line, taken)
                wanted -= taken
        return line.quantity - wanted

    def release(self, suborder: SubOrder) -> None:
        """Called after the sub-order's reservations were released: units back into their batches,
        and the stock of products kept by batch recomputed."""
        lines = _lines(suborder)
        rows = BatchLine.objects.filter(line__in=lines)
        for row in rows:
            Batch.objects.filter(pk=row.batch_id).update(
                remaining=F("remaining") + row.quantity - row.returned
            )
        rows.delete()
        kept = kept_by_batch(suborder.partner_id, {line.product_id for line in lines if line.product_id})
        if kept:
            stock_sync_many(
                partner_id=suborder.partner_id, product_ids=kept, key=f"batch-release:{suborder.pk}"
            )

    def restock(self, line, quantity: int) -> bool:
        """A resellable return of a product kept by batch: the units go back into the batches the
        line left from (the last one first), and the stock is recomputed. False for other products
        (the caller adds them to the stock record itself)."""
        if line.product_id is None or not kept_by_batch(line.partner_id, [line.product_id]):
            return False
        rows = BatchLine.objects.select_for_update().filter(line=line).order_by("-pk")
        for row in rows:
            back = min(quantity, row.quantity - row.returned)
            if back <= 0:
                continue
            BatchLine.objects.filter(pk=row.pk).update(returned=F("returned") + back)
            Batch.objects.filter(pk=row.batch_id).update(remaining=F("remaining") + back)
            quantity -= back
        stock_sync(partner_id=line.partner_id, product_id=line.product_id)
        return True


def _reservation_consume(line) -> None:
    """The packed units of a product kept by batch left its stock with their batch: the line's
    reservation goes too, and the line holds no stock from now on (shipping consumes nothing)."""
    if line.allocation_cancelled or line.stockrecord_id is None:
        return
    StockRecord.objects.filter(pk=line.stockrecord_id).update(
        num_allocated=Greatest(Coalesce(F("num_allocated"), Value(0)) - line.quantity, Value(0))
    )
    Line.objects.filter(pk=line.pk).update(allocation_cancelled=True)
    line.allocation_cancelled = True


def _take(batch: Batch, line, quantity: int) -> None:
    BatchLine.objects.create(batch=batch, line=line, quantity=quantity)
    Batch.objects.filter(pk=batch.pk).update(remaining=F("remaining") - quantity)
    batch.remaining -= quantity
