from celery import shared_task

from . import services


@shared_task(name="marketplace.reports.tasks.summaries_refresh_changed")
def summaries_refresh_changed() -> int:
    """Keep the analytics' summary tables up with the sub-orders changed since the last run."""
    return len(services.summaries_refresh_changed())


@shared_task(name="marketplace.reports.tasks.summaries_refresh_recent")
def summaries_refresh_recent() -> int:
    """Every night: rewrite this month and the last (certificates verified or expired meanwhile move
    sales between OCOP groups without any sub-order changing)."""
    return services.summaries_refresh_recent()
