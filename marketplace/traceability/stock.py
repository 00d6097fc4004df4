"""Stock kept by batch: one source of truth for a product whose cooperative records its batches.

Once a cooperative records a batch of a product, that product's stock record is `kept_by_batch`:
its `num_in_stock` is the sum of the units left in its open batches (neither recalled nor expired),
and only this module writes it, from the services that change a batch: receiving a batch
(`batch_create`), correcting its quantity (`batch_update`), packing (units leave the chosen batch
and the line's reservation with them), cancelling a packed sub-order and resellable returns (units
go back to the batch they left), recall and expiry (the batch's units leave the shop).

Every writer changes its batches first (row locks, `F()` updates), then calls `stock_sync`, which
locks the stock record and recomputes it from the batches: concurrent writers queue on that lock,
and the last one to take it sees every change committed before it. Products without batches keep
the hand-kept stock as before."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from django.db import transaction
from django.db.models import Q, QuerySet, Sum
from django.utils import timezone

from marketplace.order.services.stock import search_stock_refresh
from marketplace.partner.models import StockRecord

from .models import Batch

#: A batch whose units are on sale and count in the product's stock.
OPEN = Q(recalled_at__isnull=True, expired_at__isnull=True)


def open_batches(batches: QuerySet[Batch]) -> QuerySet[Batch]:
    return batches.filter(OPEN)


def open_units(partner_id: int, product_id: int) -> int:
    """What the product's stock should be: the units left in the cooperative's open batches of it."""
    batches = open_batches(Batch.objects.filter(partner_id=partner_id, product_id=product_id))
    return int(batches.aggregate(units=Sum("remaining"))["units"] or 0)


def open_units_all() -> dict[tuple[int, int], int]:
    """(partner id, product id) → units left in open batches, for every product that has batches."""
    totals: dict[tuple[int, int], int] = {}
    rows = Batch.objects.values("partner_id", "product_id").annotate(units=Sum("remaining", filter=OPEN))
    for row in rows:
        totals[(row["partner_id"], row["product_id"])] = int(row["units"] or 0)
    return totals


def stock_sync(*, partner_id: int, product_id: int) -> int:
    """Inside the caller's transaction: set the stock record from the open batches, under its row
    lock, and mark it kept by batch. Stock never goes below what orders still hold (the database
    forbids it): after a recall or expiry that leaves orders without units, the stock stays at their
    reservation and the shortfall is returned (cancel those orders or receive a new batch)."""
    record = (
        StockRecord.objects.select_for_update().filter(partner_id=partner_id, product_id=product_id).first()
    )
    if record is None:
        return 0
    units = open_units(partner_id, product_id)
    held = record.num_allocated or 0
    stock = max(units, held)
    if record.num_in_stock != stock or not record.kept_by_batch:
        StockRecord.objects.filter(pk=record.pk).update(num_in_stock=stock, kept_by_batch=True)
    return stock - units


def stock_shortfall(*, partner_id: int, product_id: int) -> int:
    """Units orders hold beyond what the open batches have (after a recall or an expiry)."""
    record = StockRecord.objects.filter(
        partner_id=partner_id, product_id=product_id, kept_by_batch=True
    ).first()
    if record is None:
        return 0
    return max((record.num_allocated or 0) - open_units(partner_id, product_id), 0)


def stock_sync_many(*, partner_id: int, product_ids: Iterable[int], key: str) -> int:
    """`stock_sync` for several products, then one search refresh for them. Returns the shortfall."""
    wanted = sorted(set(product_ids))
    shortfall = sum(stock_sync(partner_id=partner_id, product_id=pk) for pk in wanted)
    search_stock_refresh(key=key, product_ids=wanted)
    return shortfall


def kept_by_batch(partner_id: int, product_ids: Iterable[int]) -> set[int]:
    """Which of these products the cooperative keeps stock of by batch."""
    return set(
        StockRecord.objects.filter(
            partner_id=partner_id, product_id__in=set(product_ids), kept_by_batch=True
        ).values_list("product_id", flat=True)
    )


def batches_expire(*, today: date | None = None, partner_id: int | None = None, product_ids=None) -> int:
    """Batches past their best-before date leave the shop: stamped expired, their units off the
    product's stock. Run every night by Celery beat, and before packing for the products packed.
    Returns how many batches expired."""
    today = today or timezone.localdate()
    due = Batch.objects.filter(OPEN, best_before__lt=today)
    if partner_id is not None:
        due = due.filter(partner_id=partner_id)
    if product_ids is not None:
        due = due.filter(product_id__in=set(product_ids))
    expired = 0
    for pair in sorted(set(due.values_list("partner_id", "product_id"))):
        with transaction.atomic():
            batches = list(due.filter(partner_id=pair[0], product_id=pair[1]).select_for_update())
            if not batches:
                continue
            Batch.objects.filter(pk__in=[b.pk for b in batches]).update(expired_at=timezone.now())
            expired += len(batches)
            stock_sync_many(
                partner_id=pair[0],
                product_ids=[pair[1]],
                key=f"batch-expired:{min(b.pk for b in batches)}",
            )
    return expired
