from celery import shared_task

from . import services


@shared_task(acks_late=True)
def outbox_dispatch_pending() -> int:
    """Beat: hand to Celery whatever the outbox still holds (e.g. after the broker was down)."""
    return services.outbox_dispatch()
