from celery import shared_task

from . import services


@shared_task(bind=True, acks_late=True, autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def order_confirmation_send(self, order_id: int) -> bool:
    worker = "" if self.request.is_eager else (self.request.hostname or "")
    return services.order_confirmation_send(order_id=order_id, sent_by=worker)
