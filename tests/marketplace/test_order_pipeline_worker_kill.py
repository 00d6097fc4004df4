"""Killing a worker mid-task does not lose the task: the project's Celery settings (late
acknowledgement, reject on worker lost, Redis visibility timeout) bring it back, and it runs to
completion once more.

Each test starts its own `celery worker` subprocesses on a queue of their own (so CI's worker
`ci@…` never takes the message) and sends them `tests.marketplace.pipeline_tasks.blocking_step`,
which records each run in Redis and waits until the test lets it finish. The workers need no
database, so this runs the same on SQLite and PostgreSQL. Needs a Redis broker in
CELERY_BROKER_URL (CI's; locally e.g. redis://127.0.0.1:6379/9), whose server it uses with a
database number of its own (14, or 13); skipped otherwise.
"""

import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest
import redis

from marketplace.celery import app as celery_app
from tests.marketplace import pipeline_tasks

ROOT = Path(__file__).resolve().parents[2]
CELERY = Path(sys.executable).with_name("celery")


def _own_database(url: str) -> str:
    """The same Redis server, another database number: the short visibility timeout of this test's
    second worker restores every unacknowledged message of its database, and must not touch the
    messages of CI's worker (which uses the configured database)."""
    parts = urlsplit(url)
    current = int(parts.path.strip("/") or 0)
    return urlunsplit(parts._replace(path=f"/{14 if current != 14 else 13}"))


BROKER = os.environ.get("CELERY_BROKER_URL", "")
if BROKER.startswith(("redis://", "rediss://")):
    BROKER = _own_database(BROKER)
SHORT_VISIBILITY_TIMEOUT = 2  # seconds, for the worker that must pick up what a dead one held
WAIT = 30  # seconds: the longest any single step may take before the test gives up

pytestmark = pytest.mark.broker


@pytest.fixture
def broker():
    if not BROKER.startswith(("redis://", "rediss://")):
        pytest.skip("needs a Redis broker: CELERY_BROKER_URL=redis://… (CI sets one)")
    if not CELERY.exists():
        pytest.skip(f"no celery executable next to {sys.executable}")
    client = redis.Redis.from_url(BROKER, socket_connect_timeout=2)
    try:
        client.ping()
    except redis.RedisError as exc:
        pytest.skip(f"the Redis broker at {BROKER} does not answer: {exc}")
    conf = celery_app.conf
    saved = conf.task_always_eager
    conf.task_always_eager = False
    yield client
    conf.task_always_eager = saved


class Workers:
    """Celery workers started by one test, on one queue of their own; always ended at teardown."""

    def __init__(self, client, log_dir: Path):
        self.client = client
        self.log_dir = log_dir
        self.run = uuid.uuid4().hex[:12]
        self.queue = f"pipeline-kill-{self.run}"
        self.keys = pipeline_tasks.keys(self.run)
        self.started: list[tuple[str, subprocess.Popen, Path]] = []

    def start(self, name: str, **environment: str) -> subprocess.Popen:
        node = f"{name}-{self.run}"
        log = self.log_dir / f"{node}.log"
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "marketplace.settings.test",
            "CELERY_BROKER_URL": BROKER,
            "PYTHONPATH": str(ROOT),
            **environment,
        }
        if "CELERY_VISIBILITY_TIMEOUT" not in environment:
            env.pop("CELERY_VISIBILITY_TIMEOUT", None)  # the default, an hour
        command = [
            str(CELERY),
            "-A",
            "marketplace",
            "worker",
            "--pool=prefork",
            "--concurrency=1",
            f"--queues={self.queue}",
            f"--hostname={node}@%h",
            f"--include={pipeline_tasks.__name__}",
            "--loglevel=info",
            "--without-gossip",
            "--without-mingle",
            "--without-heartbeat",
        ]
        with open(log, "wb") as output:
            # A session of its own: killing its process group kills the worker and its pool.
            process = subprocess.Popen(
                command, cwd=ROOT, env=env, stdout=output, stderr=subprocess.STDOUT, start_new_session=True
            )
        self.started.append((node, process, log))
        return process

    def send(self) -> str:
        with celery_app.connection_for_write(BROKER) as connection:
            result = celery_app.send_task(
                pipeline_tasks.NAME, kwargs={"run": self.run}, queue=self.queue, connection=connection
            )
        return result.id

    def runs(self, what: str) -> list[str]:
        return [item.decode() for item in self.client.lrange(self.keys[what], 0, -1)]

    def let_it_finish(self) -> None:
        self.client.set(self.keys["go"], "1", ex=pipeline_tasks.KEY_TTL)

    def held(self, task_id: str) -> dict[str, bool]:
        """Where the broker keeps the message: in the queue, or taken but not acknowledged."""
        token = task_id.encode()
        return {
            "queued": any(token in item for item in self.client.lrange(self.queue, 0, -1)),
            "unacknowledged": any(token in item for item in self.client.hvals("unacked")),
        }

    def wait_for(self, what: str, predicate):
        deadline = time.monotonic() + WAIT
        while time.monotonic() < deadline:
            value = predicate()
            if value:
                return value
            for node, process, __ in self.started:
                if process.poll() not in (None, -signal.SIGKILL):
                    raise AssertionError(f"worker {node} exited with {process.returncode}")
            time.sleep(0.1)
        raise AssertionError(f"waited {WAIT} s for {what}")

    @staticmethod
    def kill(process: subprocess.Popen) -> None:
        """SIGKILL the worker and its pool, as when the machine or container dies."""
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=WAIT)

    def stop_all(self) -> None:
        self.let_it_finish()  # a warm shutdown waits for a running task
        for __, process, __ in self.started:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
        for __, process, __ in self.started:
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait(timeout=10)
        bindings = [f"_kombu.{kind}.{self.queue}" for kind in ("binding", "binding_permanent")]
        self.client.delete(*self.keys.values(), self.queue, *bindings)

    def print_logs(self) -> None:
        """Shown by pytest only when the test failed."""
        for node, __, log in self.started:
            print(f"----- log of worker {node} -----")
            print(log.read_text(encoding="utf-8", errors="replace")[-6000:])


@pytest.fixture
def workers(broker, tmp_path):
    workers = Workers(broker, tmp_path)
    try:
        yield workers
    finally:
        workers.stop_all()
        workers.print_logs()


def test_a_worker_killed_mid_task_leaves_the_task_to_the_next_worker(workers):
    first = workers.start("kill-a")  # the default visibility timeout (an hour)
    task_id = workers.send()
    workers.wait_for("the first worker to start the task", lambda: workers.runs("started"))

    workers.kill(first)
    assert workers.runs("finished") == []
    # Acknowledged late: the dead worker's message is still in Redis, taken but not acknowledged.
    assert workers.held(task_id) == {"queued": False, "unacknowledged": True}

    workers.let_it_finish()
    workers.start("kill-b", CELERY_VISIBILITY_TIMEOUT=str(SHORT_VISIBILITY_TIMEOUT))
    workers.wait_for("the second worker to finish the task", lambda: workers.runs("finished"))
    workers.wait_for("the task to be acknowledged", lambda: not any(workers.held(task_id).values()))

    started = [run.split()[0] for run in workers.runs("started")]
    assert [node.split("@")[0] for node in started] == [f"kill-a-{workers.run}", f"kill-b-{workers.run}"]
    assert [node.split("@")[0] for node in workers.runs("finished")] == [f"kill-b-{workers.run}"]


def test_a_pool_process_killed_mid_task_is_run_again_by_the_same_worker(workers):
    workers.start("child")  # the default visibility timeout: the requeue comes from the worker itself
    task_id = workers.send()
    started = workers.wait_for("the task to start", lambda: workers.runs("started"))
    pool_process = int(started[0].split()[1])

    # The pool process dies (out of memory, say): the worker sees WorkerLostError and, with
    # task_reject_on_worker_lost, puts the message back in the queue at once.
    os.kill(pool_process, signal.SIGKILL)
    runs = workers.wait_for("the task to start again", lambda: workers.runs("started")[1:])
    assert int(runs[0].split()[1]) != pool_process  # a fresh pool process
    assert workers.runs("finished") == []

    workers.let_it_finish()
    workers.wait_for("the task to finish", lambda: workers.runs("finished"))
    workers.wait_for("the task to be acknowledged", lambda: not any(workers.held(task_id).values()))
    assert len(workers.runs("started")) == 2
    assert len(workers.runs("finished")) == 1
