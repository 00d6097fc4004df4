"""Tasks for the outbox tests: one that always fails (not with an OSError), one that fails a given
number of times first, one that records its runs. Their state lives in module globals: the tests
run them eagerly, in the test process."""

from celery import shared_task

from marketplace.notifications.retrying import RETRYING

RUNS: list[dict] = []
FAILURES_LEFT: dict[str, int] = {}


@shared_task(**RETRYING)
def always_fails(self, label: str) -> None:
    RUNS.append({"task": "always_fails", "label": label})
    raise ValueError(f"{label}: the payload is not what the task expects")


@shared_task(**RETRYING)
def fails_first(self, label: str) -> str:
    RUNS.append({"task": "fails_first", "label": label})
    if FAILURES_LEFT.get(label, 0) > 0:
        FAILURES_LEFT[label] -= 1
        raise KeyError(label)
    return "ok"


@shared_task(**RETRYING)
def records(self, label: str) -> str:
    RUNS.append({"task": "records", "label": label})
    return label


@shared_task(bind=True, acks_late=True, outbox_max_attempts=3)
def capped(self, label: str) -> None:
    RUNS.append({"task": "capped", "label": label})
    raise RuntimeError("poison")
