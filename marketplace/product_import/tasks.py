from celery import shared_task

from . import services


@shared_task(bind=True, acks_late=True)
def product_import_run(self, import_id: int) -> str:
    """Import a checked product file (all rows or none); safe to run twice."""
    return services.product_import_run(import_id=import_id)
