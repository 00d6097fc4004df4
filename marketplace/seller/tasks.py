from celery import shared_task

from marketplace.notifications.retrying import RETRYING, worker_name

from . import notify


@shared_task(**RETRYING)
def staff_invitation_email(self, invitation_id: int) -> bool:
    return notify.staff_invitation_email(invitation_id=invitation_id, sent_by=worker_name(self))
