"""Reads: a cooperative's product files, and how far an import has got."""

from django.core.cache import cache

from .models import ImportStatus, ProductImport
from .services import progress_key


def imports_of(partner):
    return ProductImport.objects.filter(partner=partner)


def import_progress(job: ProductImport) -> dict:
    """{"status", "done", "total", "percent"}; `done` is None while unknown (a worker whose progress
    this process cannot see, or still queued)."""
    total = job.total_rows
    done: int | None
    if job.status == ImportStatus.DONE:
        done = total
    elif job.status == ImportStatus.RUNNING:
        done = cache.get(progress_key(job.pk))
    else:
        done = 0 if job.status == ImportStatus.QUEUED else None
    percent = (
        int(100 * done / total)
        if done is not None and total
        else (100 if job.status == ImportStatus.DONE else 0)
    )
    return {"status": job.status, "done": done, "total": total, "percent": min(percent, 100)}
