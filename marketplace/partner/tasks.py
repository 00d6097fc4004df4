from celery import shared_task

from . import notify


@shared_task(bind=True, acks_late=True, autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def cooperative_status_email(self, change_id: int) -> bool:
    worker = "" if self.request.is_eager else (self.request.hostname or "")
    return notify.cooperative_status_email(change_id=change_id, sent_by=worker)
