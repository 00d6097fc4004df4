"""The order pipeline loses nothing: outbox records are written with the order, a broker that is
down does not break checkout, and the dispatcher delivers them once it is back. Tasks are safe to
run twice, acknowledge late and retry with backoff."""

import pytest
from django.core import mail
from oscar.core.loading import get_model

from marketplace.celery import app as celery_app
from marketplace.order import tasks
from marketplace.outbox.models import OutboxMessage
from marketplace.outbox.services import outbox_dispatch
from tests.marketplace.test_checkout_journeys import checkout_until_preview, place_order

Order = get_model("order", "Order")


@pytest.fixture
def broker_down():
    """A broker nobody listens on (port 1): sending fails at once, as when Redis is stopped."""
    conf = celery_app.conf
    saved = conf.task_always_eager, conf.get("broker_write_url")
    # The write URL wins over broker_url (which Celery takes from CELERY_BROKER_URL when set, as in CI).
    conf.task_always_eager, conf.broker_write_url = False, "redis://127.0.0.1:1/0"
    fresh_connection_pool()
    yield
    conf.task_always_eager, conf.broker_write_url = saved
    fresh_connection_pool()


def fresh_connection_pool():
    """Forget pooled connections so the next send uses the current broker URL."""
    celery_app._pool = None
    celery_app.amqp._producer_pool = None


@pytest.mark.django_db
def test_checkout_succeeds_with_the_broker_down_and_the_outbox_delivers_later(
    client, country_vn, two_cooperatives, django_capture_on_commit_callbacks, broker_down
):
    checkout_until_preview(client, [(two_cooperatives[0], 1), (two_cooperatives[1], 1)])
    with django_capture_on_commit_callbacks(execute=True):
        response = place_order(client)
    assert response.redirect_chain[-1][0] == "/checkout/thank-you/"
    order = Order.objects.get()
    assert order.number in response.content.decode()
    ours = OutboxMessage.objects.exclude(key__startswith="search:")  # search updates ride along too
    pending = ours.filter(dispatched_at__isnull=True)
    assert sorted(pending.values_list("key", flat=True)) == sorted(
        [
            f"order-placed:{order.number}",
            f"suborder-placed:{order.number}-1",
            f"suborder-placed:{order.number}-2",
        ]
    )
    assert sum(message.attempts for message in pending) >= 1  # tried once, then left for later
    assert mail.outbox == []

    assert outbox_dispatch() == 0  # still down
    celery_app.conf.task_always_eager = True  # the broker is back (eager: the task runs here)
    assert outbox_dispatch() >= 3
    assert outbox_dispatch() == 0
    assert not ours.filter(dispatched_at__isnull=True).exists()
    assert [m.to for m in mail.outbox] == [["an@example.vn"]]


@pytest.mark.django_db
def test_a_task_run_twice_sends_one_email(
    client, country_vn, two_cooperatives, django_capture_on_commit_callbacks
):
    checkout_until_preview(client, [(two_cooperatives[0], 1)])
    with django_capture_on_commit_callbacks(execute=True):
        place_order(client)
    order = Order.objects.get()
    assert len(mail.outbox) == 1
    assert tasks.order_confirmation_send.apply(args=[order.pk]).get() is False
    OutboxMessage.objects.update(dispatched_at=None)
    outbox_dispatch()  # a dispatcher that crashed before marking them sent
    assert len(mail.outbox) == 1


def test_tasks_acknowledge_late_and_retry_with_backoff():
    for task in (
        tasks.order_confirmation_send,
        tasks.suborder_placed_notify,
        tasks.suborder_event_notify,
        tasks.vietqr_reminder_send,
    ):
        assert task.acks_late is True
        assert task.retry_backoff is True and task.max_retries == 5
    assert celery_app.conf.task_reject_on_worker_lost is True
