"""`make run` runs a real Celery worker with beat over kombu's filesystem transport (no broker
server): a task sent by the web side runs in the worker, and beat's outbox dispatcher (every
minute) hands over a waiting outbox row, which the worker runs and marks done. About 90 s: beat's
first one-minute tick is waited for."""

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

from kombu import Connection

from marketplace.celery import app as celery_app
from tests.marketplace import embedded_tasks

ROOT = Path(__file__).resolve().parents[2]
CELERY = Path(sys.executable).with_name("celery")


def _makefile_worker_command() -> list[str]:
    """The worker command `make run` uses, as the Makefile spells it."""
    text = (ROOT / "Makefile").read_text(encoding="utf-8")
    match = re.search(r"^CELERY_EMBEDDED := (.*?)(?<!\\)\n", text, re.S | re.M)
    assert match, "the Makefile defines CELERY_EMBEDDED"
    command = match.group(1).replace("\\\n", " ").replace("$(VENV)/bin/celery", str(CELERY))
    return command.split()


def test_make_run_starts_the_worker_with_beat_next_to_the_web_server():
    text = (ROOT / "Makefile").read_text(encoding="utf-8")
    run = text[text.index("\nrun:") :].split("\n\n")[0]
    assert "$(CELERY_EMBEDDED) &" in run and "runserver" in run
    assert "EMBEDDED_BROKER := filesystem://" in text
    command = _makefile_worker_command()
    assert command[:4] == [str(CELERY), "-A", "marketplace", "worker"] and "--beat" in command


def test_the_embedded_worker_runs_tasks_and_beat_over_the_filesystem_broker(tmp_path):
    var = tmp_path / "var"
    (var / "celery").mkdir(parents=True)
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "marketplace.settings.dev",
        "CELERY_BROKER_URL": "filesystem://",
        "VAR_DIR": str(var),
        "PYTHONPATH": str(ROOT),
    }
    env.pop("DATABASE_URL", None)
    command = [
        part.replace("var/", f"{var}/")
        for part in _makefile_worker_command()
        if part not in ("--concurrency", "2")
    ]
    command += ["--concurrency", "1", f"--include={embedded_tasks.__name__}"]
    log = var / "celery" / "worker.log"
    manage = [sys.executable, "manage.py"]
    subprocess.run(
        [*manage, "migrate", "outbox", "--no-input"], cwd=ROOT, env=env, check=True, capture_output=True
    )
    later = tmp_path / "later.txt"
    # A row waiting in the outbox (as after a failed hand-off): only beat's dispatcher sends it.
    create = (
        "from marketplace.outbox.models import OutboxMessage; "
        f"OutboxMessage.objects.create(key='laptop', task='{embedded_tasks.__name__}.touch', "
        f"kwargs={{'path': {str(later)!r}, 'text': 'beat'}})"
    )
    subprocess.run([*manage, "shell", "-c", create], cwd=ROOT, env=env, check=True, capture_output=True)
    process = subprocess.Popen(
        command,
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        queue = var / "celery" / "queue"
        options = {
            "data_folder_in": str(queue),
            "data_folder_out": str(queue),
            "control_folder": str(var / "celery" / "control"),
            "processed_folder": str(var / "celery" / "processed"),
            "store_processed": False,
        }
        done = tmp_path / "done.txt"
        for __ in range(100):  # the worker creates the folders as it starts
            if queue.exists():
                break
            time.sleep(0.2)
        with Connection("filesystem://", transport_options=options) as connection:
            celery_app.send_task(
                embedded_tasks.NAME, kwargs={"path": str(done), "text": "chạy rồi"}, connection=connection
            )
        deadline = time.monotonic() + 150
        while time.monotonic() < deadline and not (done.exists() and later.exists()):
            text = log.read_text(encoding="utf-8", errors="replace") if log.exists() else ""
            assert process.poll() is None, text[-3000:]
            time.sleep(0.5)
        text = log.read_text(encoding="utf-8", errors="replace") if log.exists() else ""
        assert done.exists() and done.read_text(encoding="utf-8") == "chạy rồi", text[-3000:]
        assert later.exists() and later.read_text(encoding="utf-8") == "beat", text[-3000:]
        status = (
            "from marketplace.outbox.models import OutboxMessage; print(OutboxMessage.objects.get().status)"
        )
        for __ in range(20):  # the row is marked done just after the task returns
            shell = subprocess.run(
                [*manage, "shell", "-c", status], cwd=ROOT, env=env, capture_output=True, text=True
            )
            if shell.stdout.strip().endswith("done"):
                break
            time.sleep(0.5)
        assert shell.stdout.strip().splitlines()[-1] == "done", shell.stdout + shell.stderr[-2000:]
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)
