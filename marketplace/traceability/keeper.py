"""The order app's `BatchKeeper` (marketplace/order/batches.py): which batch each line of a
sub-order leaves from. Called inside the sub-order's step transaction, so the batch's stock and the
sub-order's status change together or not at all."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping

from django.db.models import F
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from marketplace.order.batches import BatchOption, LineBatches
from marketplace.order.exceptions import SubOrderActionRefused
from marketplace.order.models import SubOrder

from .models import Batch, BatchLine
from .selectors import first_expiring

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
    )
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
        available = _available(suborder, lines, lock=True)
        for line in lines:
            if line.pk in recorded or line.product_id is None:
                continue
            candidates = available.get(line.product_id, [])
            choice = chosen.get(line.pk)
            if choice == 0:
                continue
            if choice is None:
                self._take_first_expiring(line, candidates)
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

    def _take_first_expiring(self, line, candidates: list[Batch]) -> None:
        """By default a line leaves from the batch expiring first; if that one has too few units
        the rest comes from the next. Units no batch holds are shipped without a batch."""
        wanted = line.quantity
        for batch in candidates:
            if wanted <= 0:
                break
            taken = min(wanted, batch.remaining)
            if taken:
                _take(batch, line, taken)
                wanted -= taken

    def release(self, suborder: SubOrder) -> None:
        rows = BatchLine.objects.filter(line__in=_lines(suborder))
        for row in rows:
            Batch.objects.filter(pk=row.batch_id).update(remaining=F("remaining") + row.quantity)
        rows.delete()


def _take(batch: Batch, line, quantity: int) -> None:
    BatchLine.objects.create(batch=batch, line=line, quantity=quantity)
    Batch.objects.filter(pk=batch.pk).update(remaining=F("remaining") - quantity)
    batch.remaining -= quantity
