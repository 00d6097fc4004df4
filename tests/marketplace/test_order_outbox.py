"""The order pipeline loses nothing: outbox records are written with the order, a broker that is
down does not break checkout, and the dispatcher delivers them once it is back. Tasks are safe to
run twice, acknowledge late and retry with backoff."""

import json
from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.utils.module_loading import import_string
from oscar.core.loading import get_model

from marketplace.celery import app as celery_app
from marketplace.order import services, tasks
from marketplace.outbox.models import OutboxMessage
from marketplace.outbox.services import outbox_add, outbox_dispatch
from search.backends import elasticsearch
from tests.factories import CooperativeFactory, make_product
from tests.helpers.checkout import checkout_until_preview, place_order
from tests.search.fake_elasticsearch import FakeElasticsearch

Basket = get_model("basket", "Basket")
Order = get_model("order", "Order")
StockRecord = get_model("partner", "StockRecord")


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
    # Tried once (the broker refused), then left for later.
    assert OutboxMessage.objects.filter(last_error__startswith="broker:").exists()
    assert not pending.exclude(status="pending").exists()
    assert mail.outbox == []

    assert outbox_dispatch() == 0  # still down
    celery_app.conf.task_always_eager = True  # the broker is back (eager: the task runs here)
    assert outbox_dispatch() >= 3
    assert outbox_dispatch() == 0
    assert not ours.filter(dispatched_at__isnull=True).exists()
    assert set(ours.values_list("status", flat=True)) == {"done"}  # done: the tasks reported success
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
    OutboxMessage.objects.update(dispatched_at=None, status="pending")
    outbox_dispatch()  # a worker that crashed after sending, before recording success
    assert len(mail.outbox) == 1
    assert set(OutboxMessage.objects.values_list("status", flat=True)) == {"done"}


def test_tasks_acknowledge_late_and_the_outbox_retries_them():
    """Retries are the outbox's (tests/marketplace/test_outbox_reliability.py): Celery's own
    autoretry would give up after minutes and only for the errors listed."""
    for task in (
        tasks.order_confirmation_send,
        tasks.suborder_placed_notify,
        tasks.suborder_event_notify,
        tasks.vietqr_reminder_send,
    ):
        assert task.acks_late is True
        assert not getattr(task, "autoretry_for", ())
    assert celery_app.conf.task_reject_on_worker_lost is True


def test_the_celery_settings_reach_the_real_task_objects():
    """What the worker uses is the task object's options: the settings must land there, on every
    task an order puts in the outbox (and the outbox's own dispatcher)."""
    outboxed = {
        import_string(name)  # as the outbox finds them
        for name in (
            "marketplace.order.tasks.order_confirmation_send",
            "marketplace.order.tasks.suborder_placed_notify",
            "marketplace.order.tasks.suborder_event_notify",
            "marketplace.order.tasks.vietqr_reminder_send",
            "marketplace.order.tasks.vietqr_remind",
            "marketplace.order.tasks.vietqr_cancel",
            "marketplace.outbox.tasks.outbox_dispatch_pending",
            "marketplace.outbox.tasks.outbox_run",
            services.SEARCH_REINDEX,
        )
    }
    for task in outboxed:
        assert (task.acks_late, task.reject_on_worker_lost) == (True, True), task.name
    assert celery_app.conf.worker_prefetch_multiplier == 1  # a dying worker holds one message, not four
    assert celery_app.conf.broker_transport_options["visibility_timeout"] == 3600  # CELERY_VISIBILITY_TIMEOUT


@pytest.mark.django_db
def test_an_email_task_retries_after_a_network_error(monkeypatch, django_capture_on_commit_callbacks):
    calls = []

    def flaky(*, order_id, sent_by):
        calls.append(order_id)
        if len(calls) == 1:
            raise ConnectionRefusedError("the mail server is restarting")
        return True

    monkeypatch.setattr(services, "order_confirmation_send", flaky)
    with django_capture_on_commit_callbacks(execute=True):
        message = outbox_add(
            key="order-placed:7", task="marketplace.order.tasks.order_confirmation_send", order_id=7
        )
    message.refresh_from_db()
    assert (message.status, calls) == ("pending", [7])
    with time_machine.travel(message.next_attempt_at + timedelta(seconds=1), tick=False):
        outbox_dispatch()
    message.refresh_from_db()
    assert (message.status, calls) == ("done", [7, 7])


# --- Stock and search: stock moves by conditional UPDATEs (no signal), so the order writes the
# search refresh into the outbox itself --------------------------------------------------------


@pytest.fixture
def last_one(db):
    """A product with one unit left: once ordered it is out of stock."""
    cooperative = CooperativeFactory(name="Hợp tác xã Chè Tân Cương")
    return make_product(cooperative, title="Chè búp Tân Cương", stock=1)


@pytest.fixture
def fake_elasticsearch(settings):
    elasticsearch.reset()
    with FakeElasticsearch(alias_on=["chohtx-products-v1-1"]) as fake:
        settings.ELASTICSEARCH_URL = fake.url
        yield fake
    elasticsearch.reset()


def indexed_documents(fake) -> dict[int, dict]:
    """The documents the bulk requests sent, by product id (the last one sent wins)."""
    documents = {}
    for __, path, body in fake.requests:
        if "/_bulk" not in path:
            continue
        lines = [json.loads(line) for line in body.decode().splitlines() if line.strip()]
        for action, source in zip(lines, lines[1:]):
            if "index" in action:
                documents[int(action["index"]["_id"])] = source
    return documents


def stock_refreshes():
    return OutboxMessage.objects.filter(key__startswith="search:stock:")


@pytest.mark.django_db
def test_placing_an_order_writes_one_search_refresh_for_its_products(
    client, country_vn, two_cooperatives, last_one, django_capture_on_commit_callbacks
):
    checkout_until_preview(client, [(last_one, 1), (two_cooperatives[1], 2)])
    with django_capture_on_commit_callbacks(execute=False):
        place_order(client)
    order = Order.objects.get()
    message = stock_refreshes().get()
    assert message.key == f"search:stock:order-placed:{order.number}"
    assert message.task == "search.tasks.products_reindex"
    assert message.kwargs == {"product_ids": sorted([last_one.pk, two_cooperatives[1].pk])}
    assert message.dispatched_at is None  # handed to Celery only after the commit


@pytest.mark.django_db
def test_the_search_refresh_is_rolled_back_with_the_order(
    client, country_vn, two_cooperatives, last_one, monkeypatch
):
    checkout_until_preview(client, [(last_one, 1)])

    def fail(self):
        raise RuntimeError("the database went away after the sub-orders were written")

    monkeypatch.setattr(Basket, "submit", fail)  # the last step of the order's transaction
    response = place_order(client)
    assert "/checkout/thank-you/" not in [url for url, __ in response.redirect_chain]
    assert not Order.objects.exists()
    assert not stock_refreshes().exists()
    assert not OutboxMessage.objects.filter(key__startswith="order-placed:").exists()
    assert StockRecord.objects.get(product=last_one).net_stock_level == 1  # the allocation too


@pytest.mark.django_db
def test_after_dispatch_the_search_document_shows_the_product_sold_out_then_back_on_cancel(
    client, country_vn, last_one, fake_elasticsearch, django_capture_on_commit_callbacks
):
    checkout_until_preview(client, [(last_one, 1)])
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        place_order(client)
    assert last_one.pk not in indexed_documents(fake_elasticsearch)  # nothing before the commit
    for callback in callbacks:
        callback()
    assert indexed_documents(fake_elasticsearch)[last_one.pk]["in_stock"] is False
    assert not stock_refreshes().filter(dispatched_at__isnull=True).exists()

    suborder = Order.objects.get().suborders.get()
    with django_capture_on_commit_callbacks(execute=True):
        services.suborder_cancel(suborder_id=suborder.pk, reason="Hết hàng tại kho")
    event = suborder.events.get(status="cancelled")
    assert stock_refreshes().filter(key=f"search:stock:suborder-event:{event.pk}").exists()
    assert indexed_documents(fake_elasticsearch)[last_one.pk]["in_stock"] is True


def in_stock_ids(product):
    """The "còn hàng" filter of the database search backend (the embedded default) for this product."""
    from search.backends import database
    from search.query import SearchQuery

    results = database.search(SearchQuery(text="Tân Cương", filters={"stock": ("1",)}, facets=False))
    return [pk for pk in results.ids if pk == product.pk]


@pytest.mark.django_db
def test_after_dispatch_the_in_stock_filter_drops_the_sold_out_product(
    client, country_vn, last_one, django_capture_on_commit_callbacks
):
    from search import services as search_services

    search_services.index_rebuild()
    assert in_stock_ids(last_one) == [last_one.pk]
    checkout_until_preview(client, [(last_one, 1)])
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        place_order(client)
    for callback in callbacks:  # the commit: the outbox hands its records to (eager) Celery
        callback()
    assert in_stock_ids(last_one) == []


@pytest.mark.django_db
def test_shipping_writes_a_search_refresh_once(
    client, country_vn, last_one, django_capture_on_commit_callbacks
):
    checkout_until_preview(client, [(last_one, 1)])
    with django_capture_on_commit_callbacks(execute=True):
        place_order(client)
    suborder = Order.objects.get().suborders.get()
    with django_capture_on_commit_callbacks(execute=True):
        services.suborder_confirm(suborder_id=suborder.pk)
        services.suborder_ship(suborder_id=suborder.pk, carrier="Viettel Post", tracking_code="VTP1")
    event = suborder.events.get(status="shipped")
    message = stock_refreshes().get(key=f"search:stock:suborder-event:{event.pk}")
    assert message.kwargs == {"product_ids": [last_one.pk]}
    assert message.dispatched_at is not None
    record = StockRecord.objects.get(product=last_one)
    assert (record.num_in_stock, record.num_allocated) == (0, 0)  # consumed
