"""The order confirmation email travels through the real broker to a real Celery worker.

Runs where CELERY_BROKER_URL points at a broker with a worker attached (`.ci/run` starts
both); skipped in the embedded default, where tasks run eagerly.
"""

import os
import time

import pytest
from oscar.core.loading import get_model

from marketplace.celery import app as celery_app
from marketplace.notifications.models import SentNotification
from tests.helpers.checkout import ADDRESS, PLACE_ORDER, add_to_basket, start_guest_checkout

Order = get_model("order", "Order")

pytestmark = [
    pytest.mark.broker,
    pytest.mark.skipif(
        not os.environ.get("CELERY_BROKER_URL") or not os.environ.get("CI_CELERY_WORKER"),
        reason="needs CELERY_BROKER_URL and a running worker (CI_CELERY_WORKER=1); see .ci/run",
    ),
]


@pytest.fixture
def through_the_broker():
    celery_app.conf.task_always_eager = False
    yield
    celery_app.conf.task_always_eager = True


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_order_confirmation_is_sent_by_a_worker(client, country_vn, two_cooperatives, through_the_broker):
    add_to_basket(client, two_cooperatives[0])
    add_to_basket(client, two_cooperatives[1])
    start_guest_checkout(client, email="broker@example.vn")
    client.post("/checkout/shipping-address/", ADDRESS, follow=True)
    client.post("/checkout/payment-method/", {"payment_method": "cod"}, follow=True)
    response = client.post("/checkout/preview/", PLACE_ORDER, follow=True)
    order = Order.objects.get()
    assert order.number in response.content.decode()

    deadline = time.monotonic() + 60
    sent = None
    while sent is None and time.monotonic() < deadline:
        sent = SentNotification.objects.filter(key=f"order-placed:{order.number}").first()
        time.sleep(0.5)
    assert sent is not None, "no worker sent the confirmation within 60 s"
    assert sent.recipient == "broker@example.vn"
    assert sent.sent_by.startswith("ci@"), sent.sent_by  # the worker's node name, not this process
