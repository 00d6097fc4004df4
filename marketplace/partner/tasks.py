from celery import shared_task

from marketplace.notifications.retrying import RETRYING, worker_name

from . import notify


@shared_task(**RETRYING)
def cooperative_status_email(self, change_id: int) -> bool:
    return notify.cooperative_status_email(change_id=change_id, sent_by=worker_name(self))


@shared_task(**RETRYING)
def bank_account_change_email(self, change_id: int) -> int:
    return notify.bank_account_change_email(change_id=change_id, sent_by=worker_name(self))
