"""A task for `test_embedded_worker.py`, imported by the test's worker with
`--include tests.marketplace.embedded_tasks`: it writes a file, so it needs no database."""

from pathlib import Path

from celery import shared_task

NAME = "tests.embedded.touch"


@shared_task(name=NAME)
def touch(path: str, text: str) -> str:
    Path(path).write_text(text, encoding="utf-8")
    return text
