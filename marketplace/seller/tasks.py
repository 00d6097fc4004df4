from celery import shared_task

from . import notify


@shared_task(bind=True, acks_late=True, autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def staff_invitation_email(self, invitation_id: int) -> bool:
    worker = "" if self.request.is_eager else (self.request.hostname or "")
    return notify.staff_invitation_email(invitation_id=invitation_id, sent_by=worker)
