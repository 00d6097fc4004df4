from celery import shared_task

from marketplace.notifications.retrying import RETRYING, worker_name

from . import services


@shared_task(acks_late=True)
def outbox_dispatch_pending() -> int:
    """Beat: hand to Celery whatever the outbox holds that is ready (new, due, or due for a retry)."""
    return services.outbox_dispatch()


@shared_task(bind=True, acks_late=True)
def outbox_run(self, message_id: int) -> str:
    """Run one outbox message's task and record whether it succeeded (the outbox retries)."""
    return services.outbox_run(message_id=message_id, worker=worker_name(self))


@shared_task(**RETRYING)
def dead_letter_alert(self, message_id: int) -> bool:
    return services.dead_letter_alert_send(message_id=message_id, sent_by=worker_name(self))
