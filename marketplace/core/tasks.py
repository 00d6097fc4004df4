from celery import shared_task
from django.db import transaction
from django.utils import timezone

from marketplace.notifications.retrying import RETRYING, worker_name
from marketplace.outbox.services import outbox_add

from . import invariants, reports


@shared_task(bind=True, acks_late=True)
def invariants_check(self) -> int:
    """Nightly (Celery beat): check the invariants; if any is broken, email alliance staff (through
    the outbox, so a mail server outage retries it). Returns how many were found."""
    violations = invariants.invariant_violations()
    if violations:
        with transaction.atomic():
            outbox_add(
                key=f"invariants-report:{timezone.localdate().isoformat()}",
                task="marketplace.core.tasks.invariants_report_send",
                lines=[str(violation) for violation in violations[:500]],
                count=len(violations),
            )
    return len(violations)


@shared_task(**RETRYING)
def invariants_report_send(self, lines: list[str], count: int) -> bool:
    return reports.invariants_report_send(lines=lines, count=count, sent_by=worker_name(self))
