"""Writes: batches, their steps and certificates, and recalls (with the buyers' emails through
the outbox, in the recall's transaction). Receiving, correcting and recalling a batch recompute
the product's stock, which is kept by batch from its first batch on (`stock.py`)."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from marketplace.outbox.services import outbox_add
from marketplace.partner.models import StockRecord

from .exceptions import BatchRefused
from .models import CODE_PATTERN, Batch, BatchCertificate, BatchStep, CertificateKind
from .stock import open_units, stock_sync_many

TASKS = "marketplace.traceability.tasks"


def code_clean(code: str) -> str:
    """Upper case, no spaces; refused unless letters without accents, digits, `.`, `-`, `_`."""
    code = code.strip().upper().replace(" ", "")
    if not re.match(CODE_PATTERN, code):
        raise BatchRefused(
            _("Mã lô chỉ gồm chữ không dấu, chữ số và các dấu . - _ (tối đa 20 ký tự), ví dụ GS-2611-01.")
        )
    return code


def code_suggest(partner, on: date | None = None) -> str:
    """A free code for a new batch: the cooperative's number, the date, a counter (e.g. 07-261130-1)."""
    on = on or timezone.localdate()
    stem = f"{partner.pk:02d}-{on:%y%m%d}"
    n = 1
    while Batch.objects.filter(code=f"{stem}-{n}").exists():
        n += 1
    return f"{stem}-{n}"


def _code_free(code: str, batch: Batch | None = None) -> None:
    taken = Batch.objects.filter(code=code)
    if batch is not None:
        taken = taken.exclude(pk=batch.pk)
    if taken.exists():
        raise BatchRefused(_("Mã lô %(code)s đã được dùng trên sàn; hãy đặt mã khác.") % {"code": code})


def _dates_check(produced_on: date, best_before: date | None) -> None:
    if best_before is not None and best_before < produced_on:
        raise BatchRefused(_("Hạn sử dụng phải sau ngày sản xuất."))


def batch_create(
    *,
    partner,
    product,
    code: str,
    produced_on: date,
    quantity: int,
    best_before: date | None = None,
    origin_province: str = "",
    origin_commune: str = "",
    origin_commune_code: str = "",
    origin_place: str = "",
    actor=None,
) -> Batch:
    """Receive a batch: its units join the product's stock (the first batch of a product starts
    keeping its stock by batch: the stock becomes the batch's units)."""
    record = product.stockrecords.filter(partner=partner).first()
    if record is None:
        raise BatchRefused(_("Sản phẩm này không phải của hợp tác xã."))
    code = code_clean(code)
    _dates_check(produced_on, best_before)
    with transaction.atomic():
        _code_free(code)
        _covers_orders(
            partner_id=partner.pk,
            product_id=product.pk,
            units=quantity + (open_units(partner.pk, product.pk) if record.kept_by_batch else 0),
        )
        batch = Batch.objects.create(
            partner=partner,
            product=product,
            code=code,
            produced_on=produced_on,
            best_before=best_before,
            quantity=quantity,
            remaining=quantity,
            origin_province=origin_province,
            origin_commune=origin_commune,
            origin_commune_code=origin_commune_code,
            origin_place=origin_place,
            created_by=actor,
        )
        stock_sync_many(partner_id=partner.pk, product_ids=[product.pk], key=f"batch-received:{batch.pk}")
        return batch


def _covers_orders(*, partner_id: int, product_id: int, units: int) -> None:
    """Stock kept by batch never drops below what orders hold: refuse a change that would."""
    record = (
        StockRecord.objects.select_for_update().filter(partner_id=partner_id, product_id=product_id).first()
    )
    held = (record.num_allocated or 0) if record is not None else 0
    if units < held:
        raise BatchRefused(
            _(
                "%(held)s sản phẩm đang được giữ cho các đơn chưa đóng gói, nhưng các lô đang bán chỉ còn "
                "%(units)s. Số lượng của lô phải đủ cho các đơn đó."
            )
            % {"held": held, "units": units}
        )


def batch_update(*, batch_id: int, quantity: int, **fields: Any) -> Batch:
    """Change a batch's details. Its quantity never goes below what has already left it."""
    with transaction.atomic():
        batch = Batch.objects.select_for_update().get(pk=batch_id)
        if "code" in fields:
            fields["code"] = code_clean(fields["code"])
            _code_free(fields["code"], batch)
        _dates_check(
            fields.get("produced_on", batch.produced_on), fields.get("best_before", batch.best_before)
        )
        shipped = batch.quantity - batch.remaining
        if quantity < shipped:
            raise BatchRefused(
                _("Đã xuất %(n)s từ lô này: số lượng của lô không thể nhỏ hơn %(n)s.") % {"n": shipped}
            )
        remaining = quantity - shipped
        if batch.is_open and remaining < batch.remaining:
            others = open_units(batch.partner_id, batch.product_id) - batch.remaining
            _covers_orders(partner_id=batch.partner_id, product_id=batch.product_id, units=others + remaining)
        changed = remaining != batch.remaining
        for name, value in fields.items():
            setattr(batch, name, value)
        batch.quantity, batch.remaining = quantity, remaining
        batch.save()
        if changed:
            stock_sync_many(
                partner_id=batch.partner_id,
                product_ids=[batch.product_id],
                key=f"batch-corrected:{batch.pk}:{timezone.now():%Y%m%d%H%M%S%f}",
            )
    return batch


def batch_step_add(
    *, batch: Batch, kind: str, happened_on: date, place: str, note: str = "", photo=None
) -> BatchStep:
    if happened_on > timezone.localdate():
        raise BatchRefused(_("Ngày của công đoạn không thể ở tương lai."))
    step = BatchStep(batch=batch, kind=kind, happened_on=happened_on, place=place.strip(), note=note.strip())
    if photo is not None:
        step.photo.save(photo.name, photo, save=False)
    step.save()
    Batch.objects.filter(pk=batch.pk).update(updated_at=timezone.now())
    return step


def batch_step_remove(*, batch: Batch, step_id: int) -> None:
    step = BatchStep.objects.filter(batch=batch, pk=step_id).first()
    if step is not None:
        if step.photo:
            step.photo.delete(save=False)
        step.delete()


def batch_certificate_add(
    *,
    batch: Batch,
    kind: str,
    ocop=None,
    number: str = "",
    issuer: str = "",
    valid_until: date | None = None,
) -> BatchCertificate:
    if kind == CertificateKind.OCOP:
        if ocop is None or ocop.partner_id != batch.partner_id:
            raise BatchRefused(_("Hãy chọn một giấy chứng nhận OCOP của hợp tác xã."))
        number, issuer, valid_until = "", "", None
    else:
        ocop = None
        if not number.strip():
            raise BatchRefused(_("Hãy nhập số giấy chứng nhận."))
    certificate, __ = BatchCertificate.objects.get_or_create(
        batch=batch,
        kind=kind,
        ocop=ocop,
        number=number.strip(),
        defaults={"issuer": issuer.strip(), "valid_until": valid_until},
    )
    return certificate


def batch_certificate_remove(*, batch: Batch, certificate_id: int) -> None:
    BatchCertificate.objects.filter(batch=batch, pk=certificate_id).delete()


def batch_recall(*, batch_id: int, message: str, actor=None) -> Batch:
    """Recall the batch: the message shows on its page at once, it ships no more, and every buyer
    of it is emailed (the outbox row commits with the recall)."""
    message = message.strip()
    if not message:
        raise BatchRefused(_("Hãy viết cho người mua biết vì sao thu hồi và họ nên làm gì."))
    with transaction.atomic():
        batch = Batch.objects.select_for_update().get(pk=batch_id)
        if batch.is_recalled:
            raise BatchRefused(_("Lô %(code)s đã được thu hồi rồi.") % {"code": batch.code})
        batch.recalled_at = timezone.now()
        batch.recall_message = message
        batch.recalled_by = actor
        batch.save(update_fields=["recalled_at", "recall_message", "recalled_by", "updated_at"])
        outbox_add(key=f"batch-recall:{batch.pk}", task=f"{TASKS}.batch_recall_notify", batch_id=batch.pk)
        # its units leave the shop at once (see stock.stock_shortfall for orders left without units)
        stock_sync_many(
            partner_id=batch.partner_id, product_ids=[batch.product_id], key=f"batch-recalled:{batch.pk}"
        )
    return batch


def batch_units_shipped(batch: Batch) -> int:
    return batch.quantity - batch.remaining
