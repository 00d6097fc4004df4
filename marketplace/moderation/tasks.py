from celery import shared_task

from marketplace.notifications.retrying import RETRYING, worker_name

from . import notify


@shared_task(**RETRYING)
def takedown_email(self, takedown_id: int, step: str) -> bool:
    return notify.takedown_email(takedown_id=takedown_id, step=step, sent_by=worker_name(self))


@shared_task(**RETRYING)
def appeal_staff_email(self, takedown_id: int) -> bool:
    return notify.appeal_staff_email(takedown_id=takedown_id, sent_by=worker_name(self))


@shared_task(**RETRYING)
def complaint_email(self, complaint_id: int, step: str, once_key: str = "") -> bool:
    return notify.complaint_email(
        complaint_id=complaint_id, step=step, key=once_key, sent_by=worker_name(self)
    )
