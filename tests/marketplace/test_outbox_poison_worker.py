"""A poison outbox task (it kills the worker process running it, every time) is stopped: Celery's
late acknowledgement and reject-on-worker-lost redeliver it after each death, forever on their
own; the outbox records each run before it starts, sees the runs that never finished, backs off,
and after OUTBOX_MAX_LOST_RUNS makes the row a dead letter (and stops running it).

Real workers on a Redis broker (CELERY_BROKER_URL, a queue of this test's own) and a database
they share with the test: PostgreSQL (DATABASE_URL). Skipped otherwise. About 30 s."""

import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
import redis
from django.db import connection

from marketplace.celery import app as celery_app
from marketplace.outbox.models import OutboxMessage, OutboxStatus
from tests.marketplace import pipeline_tasks

ROOT = Path(__file__).resolve().parents[2]
CELERY = Path(sys.executable).with_name("celery")
BROKER = os.environ.get("CELERY_BROKER_URL", "")
WAIT = 60

pytestmark = pytest.mark.broker


@pytest.fixture
def broker():
    if not BROKER.startswith(("redis://", "rediss://")):
        pytest.skip("needs a Redis broker: CELERY_BROKER_URL=redis://…")
    if connection.vendor != "postgresql":
        pytest.skip("the worker must share the test database: needs DATABASE_URL=postgres://…")
    client = redis.Redis.from_url(BROKER, socket_connect_timeout=2)
    try:
        client.ping()
    except redis.RedisError as exc:
        pytest.skip(f"the Redis broker at {BROKER} does not answer: {exc}")
    return client


@pytest.mark.django_db(transaction=True, serialized_rollback=True)  # the worker must see the row
def test_a_task_that_kills_its_worker_becomes_a_dead_letter(broker, tmp_path):
    run = uuid.uuid4().hex[:12]
    queue = f"outbox-poison-{run}"
    message = OutboxMessage.objects.create(
        key=f"poison:{run}", task=f"{pipeline_tasks.__name__}.kill_own_worker", kwargs={"run": run}
    )
    database = connection.settings_dict
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "marketplace.settings.test",
        "CELERY_BROKER_URL": BROKER,
        "DATABASE_URL": (
            f"postgres://{database['USER']}@{database['HOST'] or '127.0.0.1'}:{database['PORT'] or 5432}"
            f"/{database['NAME']}"
        ),
        "OUTBOX_BACKOFF_SECONDS": "1",
        "OUTBOX_BACKOFF_MAX_SECONDS": "1",
        "PYTHONPATH": str(ROOT),
    }
    log = tmp_path / "worker.log"
    command = [
        str(CELERY), "-A", "marketplace", "worker", "--pool=prefork", "--concurrency=1",
        f"--queues={queue}", f"--hostname=poison-{run}@%h", f"--include={pipeline_tasks.__name__}",
        "--loglevel=info", "--without-gossip", "--without-mingle", "--without-heartbeat",
    ]  # fmt: skip
    with open(log, "wb") as output:
        worker = subprocess.Popen(
            command, cwd=ROOT, env=env, stdout=output, stderr=subprocess.STDOUT, start_new_session=True
        )

    def hand_over():
        with celery_app.connection_for_write(BROKER) as conn:
            celery_app.send_task(
                "marketplace.outbox.tasks.outbox_run",
                kwargs={"message_id": message.pk},
                queue=queue,
                connection=conn,
            )

    started_key = f"pipeline-poison:{run}:started"
    try:
        hand_over()
        deadline = time.monotonic() + WAIT
        while time.monotonic() < deadline:
            message.refresh_from_db()
            if message.status != OutboxStatus.PENDING:
                break
            if message.running_since is None and message.next_attempt_at is not None:
                hand_over()  # what the beat dispatcher does once the backoff is over
                time.sleep(1.5)
            time.sleep(0.2)
            assert worker.poll() is None, log.read_text(errors="replace")[-4000:]
        message.refresh_from_db()
        deaths = broker.llen(started_key)
        assert message.status == OutboxStatus.DEAD, (
            message.lost_runs,
            deaths,
            log.read_text(errors="replace")[-4000:],
        )
        assert message.lost_runs == 3 and "never finished" in message.last_error
        assert deaths == 3  # each lost run was a real worker death; then it was not run again
        time.sleep(2)
        assert broker.llen(started_key) == 3
    finally:
        os.killpg(worker.pid, signal.SIGTERM)
        try:
            worker.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(worker.pid, signal.SIGKILL)
            worker.wait(timeout=10)
        broker.delete(started_key, queue, f"_kombu.binding.{queue}")
