"""localstripe, the fake Stripe server, for the card-payment tests.

Started here from its own virtualenv (.venv-localstripe, bound to 127.0.0.1) unless STRIPE_API_BASE
already points at a running one (.ci/run starts it). Tests that need it are skipped without it."""

import os
import socket
import subprocess
import time
from pathlib import Path

import pytest
from oscar.core.loading import get_model

from tests.helpers.checkout import checkout_until_preview, place_order
from tests.helpers.payments import WEBHOOK_SECRET

ROOT = Path(__file__).resolve().parents[2]
PYTHON = ROOT / ".venv-localstripe" / "bin" / "python"
Order = get_model("order", "Order")
PORT = 8420


def _listening(port):
    with socket.socket() as sock:
        sock.settimeout(0.5)
        return sock.connect_ex(("127.0.0.1", port)) == 0


@pytest.fixture(scope="session")
def localstripe_url():
    configured = os.environ.get("STRIPE_API_BASE")
    if configured:
        yield configured  # started by .ci/run
        return
    if _listening(PORT):
        yield f"http://127.0.0.1:{PORT}"
        return
    if not PYTHON.exists():
        pytest.skip("localstripe is not installed (python3 -m venv .venv-localstripe; see README)")
    process = subprocess.Popen(  # noqa: S603
        [str(PYTHON), str(ROOT / "tools" / "localstripe_server.py"), str(PORT)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 20
    while not _listening(PORT):
        if time.monotonic() > deadline or process.poll() is not None:
            process.kill()
            pytest.skip("localstripe did not start")
        time.sleep(0.2)
    yield f"http://127.0.0.1:{PORT}"
    process.terminate()
    process.wait(timeout=10)


@pytest.fixture
def stripe_on(settings):
    """Card payments switched on (keys set), without a server: for webhook tests."""
    settings.STRIPE_SECRET_KEY = "sk_test_chohtx"
    settings.STRIPE_PUBLISHABLE_KEY = "pk_test_chohtx"
    settings.STRIPE_WEBHOOK_SECRET = WEBHOOK_SECRET
    return settings


@pytest.fixture
def localstripe(stripe_on, localstripe_url):
    stripe_on.STRIPE_API_BASE = localstripe_url
    return localstripe_url


@pytest.fixture
def card_placed(client, country_vn, two_cooperatives, localstripe, django_capture_on_commit_callbacks):
    """A card order of two cooperatives (90.000 ₫ and 80.000 ₫), placed, not paid yet."""
    checkout_until_preview(client, [(two_cooperatives[0], 2), (two_cooperatives[1], 1)], method="stripe")
    with django_capture_on_commit_callbacks(execute=True):
        place_order(client)
    order = Order.objects.get()
    return order, list(order.suborders.order_by("number"))
