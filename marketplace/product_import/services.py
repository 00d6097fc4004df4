"""Writes: check an uploaded product file (nothing written but the record of the check), start its
import (a task, through the outbox), and run it: all rows in one transaction, or none."""

from __future__ import annotations

import logging
from decimal import Decimal

from django.core.cache import cache
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from marketplace.catalogue.bulk import bulk_product_changes
from marketplace.catalogue.services import product_category_set, product_picture_replace, product_upsert
from marketplace.outbox.services import outbox_add
from marketplace.seller.models import ProductChange

from .errors import FileRefused, Problem
from .models import ImportStatus, ProductImport
from .pictures import Pictures
from .reading import read_table
from .validation import CREATE, UNCHANGED, UPDATE, validate

logger = logging.getLogger(__name__)

RUN_TASK = "marketplace.product_import.tasks.product_import_run"
PROGRESS_EVERY = 25
MAX_PROBLEMS_KEPT = 500


def progress_key(import_id: int) -> str:
    return f"product-import:{import_id}:done"


def _check(job: ProductImport):
    """Read and check the job's files: (rows, problems of the file or None)."""
    try:
        with job.file.open("rb") as handle:
            table = read_table(handle)
        if job.pictures:
            with job.pictures.open("rb") as zipped:
                pictures = Pictures(zipped)
                rows = validate(job.partner, table, pictures)
        else:
            rows = validate(job.partner, table, Pictures())
    except FileRefused as error:
        return None, None, [Problem(0, "", str(error))]
    return rows, table, None


def _record_check(job: ProductImport, rows, table, file_problems) -> ProductImport:
    if file_problems is not None:
        job.problems = [p.as_dict() for p in file_problems]
        job.status = ImportStatus.INVALID
        job.total_rows = job.refused_rows = 0
        job.plan = {}
        return job
    problems = [p.as_dict() for row in rows for p in row.problems]
    job.encoding = table.encoding
    job.total_rows = len(rows)
    job.refused_rows = sum(1 for row in rows if row.problems)
    job.problems = problems[:MAX_PROBLEMS_KEPT]
    job.plan = {
        action: sum(1 for row in rows if row.action == action) for action in (CREATE, UPDATE, UNCHANGED)
    }
    if not rows:
        job.problems = [Problem(0, "", _("Tệp không có dòng sản phẩm nào dưới dòng tiêu đề.")).as_dict()]
    job.status = ImportStatus.READY if rows and job.refused_rows < len(rows) else ImportStatus.INVALID
    return job


def product_import_check(*, partner, by, upload, pictures=None) -> ProductImport:
    """Keep the uploaded file (and ZIP of pictures) and check every row; nothing else is written."""
    job = ProductImport(partner=partner, created_by=by, file_name=(upload.name or "")[:255])
    upload.seek(0)
    extension = ".xlsx" if upload.read(4) == b"PK\x03\x04" else ".csv"
    upload.seek(0)
    job.file.save("san-pham" + extension, upload, save=False)
    if pictures is not None:
        job.pictures.save("anh.zip", pictures, save=False)
    rows, table, file_problems = _check(job)
    _record_check(job, rows, table, file_problems)
    job.save()
    return job


@transaction.atomic
def product_import_start(*, job: ProductImport, skip_refused: bool = False) -> ProductImport:
    """The cooperative confirmed: run the import as a task (enqueued after this commits)."""
    job = ProductImport.objects.select_for_update().get(pk=job.pk)
    if job.status != ImportStatus.READY:
        return job
    if job.refused_rows and not skip_refused:
        return job
    job.status = ImportStatus.QUEUED
    job.skip_refused = skip_refused
    job.save(update_fields=["status", "skip_refused"])
    outbox_add(key=f"product-import:{job.pk}", task=RUN_TASK, import_id=job.pk)
    return job


def _apply(job: ProductImport, row, pictures: Pictures) -> None:
    values, partner, existing = row.values, job.partner, row.product
    product = product_upsert(
        partner=partner,
        sku=values["sku"],
        title=values["title"],
        price=Decimal(values["price"]),
        stock=values["stock"],
        description=values.get("description") or (existing.description if existing else ""),
        weight_grams=values["weight"]
        if values.get("weight") is not None
        else getattr(existing, "weight_grams", None),
        local_only=values["local_only"]
        if values.get("local_only") is not None
        else bool(getattr(existing, "local_only", False)),
        is_public=None,
    )
    if values.get("category") is not None:
        product_category_set(product=product, category=values["category"])
    if values.get("certificate") is not None:
        values["certificate"].products.add(product)
    if values.get("picture"):
        product_picture_replace(product=product, picture=pictures.photo(values["picture"]))
    ProductChange.objects.create(
        partner=partner,
        product=product,
        changed_by=job.created_by,
        action="created" if row.action == CREATE else "edited",
        fields=[] if row.action == CREATE else row.changed,
    )


def _finish(job: ProductImport, *, status: str, summary: dict, problems=None) -> None:
    job.status = status
    job.summary = summary
    job.finished_at = timezone.now()
    fields = ["status", "summary", "finished_at"]
    if problems is not None:
        job.problems = problems[:MAX_PROBLEMS_KEPT]
        fields.append("problems")
    job.save(update_fields=fields)
    cache.delete(progress_key(job.pk))


def product_import_run(*, import_id: int) -> str:
    """The task's work: check the file again (the shop may have changed since), then write every
    row in one transaction: if anything fails, nothing is written. Safe to run twice."""
    with transaction.atomic():
        job = ProductImport.objects.select_for_update().filter(pk=import_id).select_related("partner").first()
        if job is None or job.status not in {ImportStatus.QUEUED, ImportStatus.RUNNING}:
            return "skipped"
        job.status = ImportStatus.RUNNING
        job.started_at = timezone.now()
        job.save(update_fields=["status", "started_at"])
    rows, table, file_problems = _check(job)
    if file_problems is not None:
        _finish(job, status=ImportStatus.FAILED, summary={}, problems=[p.as_dict() for p in file_problems])
        return "failed"
    refused = [row for row in rows if row.problems]
    if refused and not job.skip_refused:
        problems = [p.as_dict() for row in refused for p in row.problems]
        _finish(job, status=ImportStatus.FAILED, summary={"refused": len(refused)}, problems=problems)
        return "failed"
    counts = {"created": 0, "updated": 0, "unchanged": 0, "refused": len(refused)}
    cache.set(progress_key(job.pk), 0, timeout=3600)
    pictures_file = job.pictures.open("rb") if job.pictures else None
    try:
        pictures = Pictures(pictures_file) if pictures_file else Pictures()
        with transaction.atomic(), bulk_product_changes():
            for done, row in enumerate(rows, start=1):
                if row.problems:
                    continue
                if row.action == UNCHANGED:
                    counts["unchanged"] += 1
                else:
                    _apply(job, row, pictures)
                    counts["created" if row.action == CREATE else "updated"] += 1
                if done % PROGRESS_EVERY == 0:
                    cache.set(progress_key(job.pk), done, timeout=3600)
    except FileRefused as error:
        _finish(job, status=ImportStatus.FAILED, summary={}, problems=[Problem(0, "", str(error)).as_dict()])
        return "failed"
    finally:
        if pictures_file:
            pictures_file.close()
    _finish(job, status=ImportStatus.DONE, summary=counts)
    return "done"
