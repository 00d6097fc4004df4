"""The outbox is the durable record of intent: a row is done only when its task reports success;
every error is retried with backoff for at least a day, then the row becomes a dead letter that
alliance staff are emailed about and can retry or discard in /dashboard/outbox/; failing rows never
hold back newer ones; a task that stops its worker is given up after a few lost runs; an email
claimed but never sent (the worker died mid-send) is sent again. (A refund's row is written in the
cancel's own transaction: tests/payments/test_card_payments.py.)"""

from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.db import transaction
from django.utils import timezone
from oscar.core.loading import get_model

from marketplace.notifications.models import SentNotification
from marketplace.order import services as order_services
from marketplace.outbox import services
from marketplace.outbox.models import OutboxMessage, OutboxStatus
from tests.helpers.checkout import checkout_until_preview, place_order
from tests.marketplace import outbox_tasks

Order = get_model("order", "Order")
TASKS = "tests.marketplace.outbox_tasks"


@pytest.fixture(autouse=True)
def fresh_runs():
    outbox_tasks.RUNS.clear()
    outbox_tasks.FAILURES_LEFT.clear()
    yield
    outbox_tasks.RUNS.clear()


def add(key: str, task: str, label: str | None = None, **extra) -> OutboxMessage:
    """Write a row in a transaction of its own and run what its commit hands to (eager) Celery."""
    with transaction.atomic():
        message = services.outbox_add(key=key, task=f"{TASKS}.{task}", label=label or key, **extra)
    return message


def fresh(message: OutboxMessage) -> OutboxMessage:
    message.refresh_from_db()
    return message


@pytest.fixture
def on_commit(django_capture_on_commit_callbacks):
    def run(function, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return function(*args, **kwargs)

    return run


@pytest.mark.django_db
def test_a_row_is_done_only_when_its_task_reports_success(on_commit):
    failing = on_commit(add, "fails", "always_fails")
    working = on_commit(add, "works", "records")
    assert [run["task"] for run in outbox_tasks.RUNS] == ["always_fails", "records"]  # both handed over
    failing, working = fresh(failing), fresh(working)
    assert (working.status, working.attempts) == (OutboxStatus.DONE, 1) and working.done_at
    assert (failing.status, failing.attempts, failing.done_at) == (OutboxStatus.PENDING, 1, None)
    assert "ValueError" in failing.last_error and "not what the task expects" in failing.last_error
    assert failing.next_attempt_at > timezone.now()  # tried again later, not lost, not "sent"


@pytest.mark.django_db
def test_every_error_is_retried_with_exponential_backoff_for_a_day_then_staff_are_told(
    on_commit, django_user_model
):
    staff = django_user_model.objects.create_user(email="lienminh@chohtx.vn", password="x")
    django_user_model.objects.filter(pk=staff.pk).update(is_staff=True)
    django_user_model.objects.create_user(email="khach@example.vn", password="x")
    message = on_commit(add, "refund:HTX-1", "always_fails")
    created = fresh(message).created_at
    gaps, moment = [], created
    while fresh(message).status == OutboxStatus.PENDING:
        retry_at = fresh(message).next_attempt_at
        gaps.append(round((retry_at - moment).total_seconds() / 60))
        moment = retry_at
        with time_machine.travel(retry_at + timedelta(seconds=1), tick=False):
            on_commit(services.outbox_dispatch)
        assert len(gaps) < 60, "never gave up"
    message = fresh(message)
    assert message.status == OutboxStatus.DEAD
    assert message.dead_at - created >= timedelta(hours=24)
    assert gaps[:7] == [1, 2, 4, 8, 16, 32, 64] and max(gaps) == 120  # minutes, capped at 2 hours
    assert message.attempts == len(outbox_tasks.RUNS) == len(gaps) + 1
    [alert] = mail.outbox
    assert alert.to == ["lienminh@chohtx.vn"] and "refund:HTX-1" in alert.subject
    assert "ValueError" in alert.body and "/dashboard/outbox/" in alert.body


@pytest.mark.django_db
def test_a_row_that_fails_twice_then_succeeds_is_done(on_commit):
    outbox_tasks.FAILURES_LEFT["flaky"] = 2
    message = on_commit(add, "flaky", "fails_first")
    for __ in range(2):
        with time_machine.travel(fresh(message).next_attempt_at + timedelta(seconds=1), tick=False):
            on_commit(services.outbox_dispatch)
    message = fresh(message)
    assert (message.status, message.attempts, len(outbox_tasks.RUNS)) == (OutboxStatus.DONE, 3, 3)


@pytest.mark.django_db
def test_failing_rows_never_hold_back_newer_ones(on_commit):
    with transaction.atomic():  # 250 rows that fail, written while the broker was down
        for number in range(250):
            OutboxMessage.objects.create(
                key=f"broken:{number}", task=f"{TASKS}.always_fails", kwargs={"label": str(number)}
            )
    newest = OutboxMessage.objects.create(key="newest", task=f"{TASKS}.records", kwargs={"label": "newest"})
    on_commit(services.outbox_dispatch)  # one beat
    assert fresh(newest).status == OutboxStatus.DONE
    # The next beat, a minute later: the broken rows wait for their retry and hold nothing back.
    later = add("later", "records")
    with time_machine.travel(timezone.now() + timedelta(seconds=30), tick=False):
        outbox_tasks.RUNS.clear()
        on_commit(services.outbox_dispatch)
    assert fresh(later).status == OutboxStatus.DONE
    # No broken row was run again before its time.
    assert outbox_tasks.RUNS == [{"task": "records", "label": "later"}]


@pytest.mark.django_db
def test_a_task_that_stops_its_worker_is_given_up_after_a_few_lost_runs(settings, on_commit):
    """A poison message is redelivered after each worker death (late acknowledgement). Each run
    is recorded as started before it runs, so the next delivery sees the run that never finished:
    it backs off, and after OUTBOX_MAX_LOST_RUNS such runs the row is a dead letter."""
    settings.OUTBOX_MAX_LOST_RUNS = 3
    with transaction.atomic():
        message = OutboxMessage.objects.create(key="poison", task=f"{TASKS}.records", kwargs={"label": "x"})
    outcomes = []
    for __ in range(3):
        # What a worker that died mid-run leaves behind: a run started, no outcome.
        OutboxMessage.objects.filter(pk=message.pk).update(running_since=timezone.now(), attempts=1)
        moment = fresh(message).next_attempt_at or timezone.now()
        with time_machine.travel(moment + timedelta(seconds=1), tick=False):
            outcomes.append(services.outbox_run(message_id=message.pk, worker="w1@host"))
    assert outcomes == ["retry", "retry", "dead"]
    message = fresh(message)
    assert message.status == OutboxStatus.DEAD and message.lost_runs == 3
    assert "never finished" in message.last_error
    assert outbox_tasks.RUNS == []  # a redelivered run that died is not run again at once


@pytest.mark.django_db
def test_a_task_may_cap_its_attempts(on_commit):
    message = on_commit(add, "capped", "capped")
    for __ in range(2):
        with time_machine.travel(fresh(message).next_attempt_at + timedelta(seconds=1), tick=False):
            on_commit(services.outbox_dispatch)
    message = fresh(message)
    assert (message.status, message.attempts) == (OutboxStatus.DEAD, 3)
    assert "after 3 attempts" in message.last_error


@pytest.mark.django_db
def test_a_redelivered_message_of_a_finished_row_does_nothing(on_commit):
    message = on_commit(add, "once", "records")
    assert services.outbox_run(message_id=message.pk) == "skipped"
    assert len(outbox_tasks.RUNS) == 1


# --- Emails: at least once, at most once ----------------------------------------------------------


@pytest.fixture
def placed_order(client, country_vn, two_cooperatives, django_capture_on_commit_callbacks):
    checkout_until_preview(client, [(two_cooperatives[0], 1)])
    with django_capture_on_commit_callbacks(execute=True):
        place_order(client)
    mail.outbox.clear()
    return Order.objects.get()


@pytest.mark.django_db
def test_an_email_claimed_but_never_sent_is_sent_again(placed_order):
    """The worker died between claiming the email and handing it to the mail server."""
    key = f"order-placed:{placed_order.number}"
    SentNotification.objects.filter(key=key).delete()
    SentNotification.objects.create(
        key=key, recipient=placed_order.email, claimed_at=timezone.now() - timedelta(minutes=10), sent_at=None
    )
    assert order_services.order_confirmation_send(order_id=placed_order.pk) is True
    assert [m.to for m in mail.outbox] == [[placed_order.email]]
    assert SentNotification.objects.get(key=key).sent_at is not None
    # … and once sent, never again.
    assert order_services.order_confirmation_send(order_id=placed_order.pk) is False
    assert len(mail.outbox) == 1


@pytest.mark.django_db
def test_an_email_being_sent_right_now_is_retried_later_not_skipped(placed_order, on_commit):
    key = f"order-placed:{placed_order.number}"
    SentNotification.objects.filter(key=key).delete()
    SentNotification.objects.create(key=key, recipient=placed_order.email, claimed_at=timezone.now())
    message = OutboxMessage.objects.get(key=key)
    OutboxMessage.objects.filter(pk=message.pk).update(status=OutboxStatus.PENDING, dispatched_at=None)
    assert services.outbox_run(message_id=message.pk) == "retry"
    assert mail.outbox == [] and "NotificationInProgress" in fresh(message).last_error
    # Ten minutes on the other run has plainly died: this one sends.
    with time_machine.travel(timezone.now() + timedelta(minutes=10), tick=False):
        on_commit(services.outbox_dispatch)
    assert fresh(message).status == OutboxStatus.DONE and len(mail.outbox) == 1
