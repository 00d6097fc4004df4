"""The options every email task shares: ids in, acknowledged late; and the worker's name recorded
on what it sent (empty when run eagerly). Retries are the outbox's: it runs each task, and a task
that raises (any error) is tried again with backoff for a day (`marketplace/outbox/services.py`)."""

RETRYING = {
    "bind": True,
    "acks_late": True,
}


def worker_name(task) -> str:
    return "" if task.request.is_eager else (task.request.hostname or "")
