"""The options every email task shares: ids in, acknowledged late, retried with backoff when the
mail server fails; and the worker's name recorded on what it sent (empty when run eagerly)."""

RETRYING = {
    "bind": True,
    "acks_late": True,
    "autoretry_for": (OSError,),
    "retry_backoff": True,
    "max_retries": 5,
}


def worker_name(task) -> str:
    return "" if task.request.is_eager else (task.request.hostname or "")
