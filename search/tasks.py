"""Index updates, enqueued after commit. Each takes ids, re-fetches and is safe to run twice."""

import logging
from collections.abc import Callable

from celery import Task, shared_task

from . import services

logger = logging.getLogger("search")


def _run(task: Task, call: Callable[[], object]) -> None:
    from .backends.elasticsearch import SearchUnavailable

    try:
        call()
    except SearchUnavailable as exc:
        # The database index is already written; Elasticsearch catches up on a retry or rebuild.
        logger.warning("search index update postponed: %s", exc)
        if not task.request.is_eager:
            raise task.retry(exc=exc, countdown=30, max_retries=5) from exc


@shared_task(bind=True, acks_late=True)
def product_index_update(self: Task, product_id: int) -> None:
    _run(self, lambda: services.product_index_update(product_id=product_id))


@shared_task(bind=True, acks_late=True)
def products_reindex(self: Task, product_ids: list[int]) -> None:
    _run(self, lambda: services.products_reindex(product_ids=product_ids))


@shared_task(bind=True, acks_late=True)
def partner_index_update(self: Task, partner_id: int) -> None:
    _run(self, lambda: services.partner_index_update(partner_id=partner_id))


@shared_task(bind=True, acks_late=True)
def story_index_update(self: Task, page_id: int) -> None:
    services.story_index_update(page_id=page_id)
