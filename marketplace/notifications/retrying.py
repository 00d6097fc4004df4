"""The options every email task shares: ids in, acknowledged late; and the worker's name recorded
on what it sent (empty when run eagerly). Retries are the outbox's: it runs each task, and a task
that raises (any error) is tried again with backoff for a day (`marketplace/outbox/services.py`)."""

from typing import Any, Literal, NotRequired, TypedDict

from celery import Task


class TaskOptions(TypedDict):
    """Options for `shared_task`, typed so that the task's signature (bound: `self` first) is checked."""

    bind: Literal[True]
    acks_late: bool
    autoretry_for: NotRequired[tuple[type[BaseException], ...]]
    max_retries: NotRequired[int]


RETRYING: TaskOptions = {
    "bind": True,
    "acks_late": True,
}


def worker_name(task: Task[Any, Any]) -> str:
    return "" if task.request.is_eager else (task.request.hostname or "")
