"""Scheduled publishing: Celery beat runs this every few minutes (safe to run twice)."""

from celery import shared_task

from . import services


@shared_task(name="cms.publish_scheduled")
def publish_scheduled() -> None:
    services.scheduled_pages_publish()
