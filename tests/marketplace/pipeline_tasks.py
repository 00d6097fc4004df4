"""A task for the worker-kill test (`test_order_pipeline_worker_kill.py`), imported by the test's
own workers with `-I tests.marketplace.pipeline_tasks`.

It takes the project's Celery settings as they are (no options of its own: late acknowledgement
and reject-on-worker-lost come from CELERY_TASK_*), records each run in Redis, and blocks until
the test lets it finish, so the test can kill the worker while it runs."""

import os
import time

import redis
from celery import shared_task

NAME = "tests.pipeline.blocking_step"
KEY_TTL = 600  # seconds; the test deletes its keys, this only bounds leftovers


def keys(run: str) -> dict[str, str]:
    return {name: f"pipeline-kill:{run}:{name}" for name in ("started", "go", "finished")}


@shared_task(bind=True, name=NAME)
def blocking_step(self, run: str, wait_seconds: float = 60) -> str:
    client = redis.Redis.from_url(self.app.conf.broker_url)
    names = keys(run)
    client.rpush(names["started"], f"{self.request.hostname} {os.getpid()}")
    client.expire(names["started"], KEY_TTL)
    deadline = time.monotonic() + wait_seconds
    while not client.exists(names["go"]):
        if time.monotonic() > deadline:
            raise RuntimeError(f"nobody let run {run} finish")
        time.sleep(0.05)
    client.rpush(names["finished"], self.request.hostname)
    client.expire(names["finished"], KEY_TTL)
    return "done"


POISON = "tests.pipeline.kill_own_worker"


@shared_task(bind=True, name=POISON)
def kill_own_worker(self, run: str) -> None:
    """A poison task: it kills the pool process running it (as a segfault or the OOM killer
    would), every time. Records each start in Redis first."""
    import signal

    client = redis.Redis.from_url(self.app.conf.broker_url)
    client.rpush(f"pipeline-poison:{run}:started", os.getpid())
    client.expire(f"pipeline-poison:{run}:started", KEY_TTL)
    os.kill(os.getpid(), signal.SIGKILL)
