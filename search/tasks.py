from celery import shared_task

from . import services


@shared_task(acks_late=True)
def product_index_update(product_id: int) -> None:
    services.product_index_update(product_id=product_id)
