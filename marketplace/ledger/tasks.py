from celery import shared_task

from marketplace.notifications.retrying import RETRYING, worker_name

from . import notify, statements


@shared_task(**RETRYING)
def payout_email(self, payout_id: int) -> bool:
    return notify.payout_email(payout_id=payout_id, sent_by=worker_name(self))


@shared_task
def statements_close() -> int:
    """Beat, early on the 1st: close last month's statements (each cooperative once)."""
    return statements.statements_close()
