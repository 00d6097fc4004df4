from celery import Task, shared_task

from . import services


@shared_task(bind=True, acks_late=True)
def certificate_expiry_notify(self: Task) -> dict[str, int]:
    """Daily (Celery beat): reminders 30 days before and on expiry of OCOP certificates."""
    worker = "" if self.request.is_eager else (self.request.hostname or "")
    return services.certificate_expiry_notify(sent_by=worker)
