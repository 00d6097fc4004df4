from celery import shared_task

from marketplace.notifications.retrying import RETRYING, worker_name

from . import assisted, notify


@shared_task(**RETRYING)
def staff_invitation_email(self, invitation_id: int) -> bool:
    return notify.staff_invitation_email(invitation_id=invitation_id, sent_by=worker_name(self))


@shared_task(**RETRYING)
def assisted_digest_email(self) -> int:
    """Beat, every evening: yesterday's assisted-mode steps, one email per cooperative."""
    return assisted.assisted_digest_send(sent_by=worker_name(self))
