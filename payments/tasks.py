from celery import shared_task

from . import services
from .stripe_gateway import StripeError


@shared_task(
    bind=True, acks_late=True, autoretry_for=(StripeError, OSError), retry_backoff=True, max_retries=8
)
def stripe_refund_suborder(self, suborder_id: int) -> str:
    return services.stripe_refund_suborder(suborder_id=suborder_id)
