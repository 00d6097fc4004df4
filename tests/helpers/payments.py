"""Payment steps: Stripe webhook events signed as Stripe signs them, a card paid in localstripe,
the outbox dispatcher at a given moment, a VietQR order placed through the checkout."""

import hashlib
import hmac
import json
import time

import time_machine

from marketplace.outbox.services import outbox_dispatch
from payments import stripe_gateway
from tests.helpers.checkout import checkout_until_preview, place_order

WEBHOOK_SECRET = "whsec_test_chohtx"


def pay_in_stripe(payment):
    """The buyer's card goes through (localstripe), as the Payment Element would do it."""
    pm = stripe_gateway._client().v1.payment_methods.create(
        params={
            "type": "card",
            "card": {"number": "4242424242424242", "exp_month": 12, "exp_year": 2030, "cvc": "123"},
        }
    )
    intent = stripe_gateway.intent_confirm_with_card(intent_id=payment.intent_id, payment_method=pm.id)
    assert intent.status == "succeeded"


def signed(payload: bytes, secret=WEBHOOK_SECRET, at=None):
    at = int(at or time.time())
    signature = hmac.new(secret.encode(), f"{at}.".encode() + payload, hashlib.sha256).hexdigest()
    return f"t={at},v1={signature}"


def send_event(client, event_type, intent, *, event_id, created=None, secret=WEBHOOK_SECRET):
    event = {
        "id": event_id,
        "object": "event",
        "type": event_type,
        "created": created or int(time.time()),
        "data": {"object": intent},
    }
    payload = json.dumps(event).encode()
    return client.post(
        "/payments/stripe/webhook/",
        payload,
        content_type="application/json",
        HTTP_STRIPE_SIGNATURE=signed(payload, secret),
    )


def intent_of(payment, **changes):
    return {
        "id": payment.intent_id,
        "object": "payment_intent",
        "amount": payment.amount,
        "currency": payment.currency.lower(),
        **changes,
    }


def dispatch_at(moment) -> None:
    """The beat dispatcher (and the task it hands over) running at that moment."""
    with time_machine.travel(moment, tick=False):
        outbox_dispatch()


def buy_by_transfer(client, products, capture):
    response = checkout_until_preview(client, [(products[0], 2), (products[1], 1)], method="vietqr")
    assert response.redirect_chain[-1][0] == "/checkout/preview/"
    with capture(execute=True):
        return place_order(client)
