"""The one module that talks to Stripe (or to localstripe, through STRIPE_API_BASE).

The rest of the code sees plain dataclasses and `StripeError`."""

from __future__ import annotations

from dataclasses import dataclass

import stripe
from django.conf import settings


class StripeError(Exception):
    pass


@dataclass(frozen=True)
class Intent:
    id: str
    client_secret: str
    status: str
    amount: int
    currency: str


def is_configured() -> bool:
    return bool(settings.STRIPE_SECRET_KEY and settings.STRIPE_PUBLISHABLE_KEY)


def _client() -> stripe.StripeClient:
    base = settings.STRIPE_API_BASE or stripe.DEFAULT_API_BASE
    return stripe.StripeClient(
        settings.STRIPE_SECRET_KEY, base_addresses={"api": base}, max_network_retries=2
    )


def _intent(obj) -> Intent:
    return Intent(obj.id, obj.client_secret or "", obj.status, int(obj.amount), obj.currency)


def intent_create(*, order_number: str, amount: int, currency: str) -> Intent:
    """A PaymentIntent for the whole order; the idempotency key makes a retry return the same one."""
    try:
        obj = _client().v1.payment_intents.create(
            params={
                "amount": amount,
                "currency": currency.lower(),
                "payment_method_types": ["card"],
                "metadata": {"order_number": order_number},
            },
            options={"idempotency_key": f"chohtx-order-{order_number}"},
        )
    except stripe.StripeError as exc:
        raise StripeError(str(exc)) from exc
    return _intent(obj)


def intent_confirm_with_card(*, intent_id: str, payment_method: str) -> Intent:
    """Used by tests against localstripe (the browser uses the Payment Element instead)."""
    try:
        client = _client()
        client.v1.payment_intents.update(intent_id, params={"payment_method": payment_method})
        return _intent(client.v1.payment_intents.confirm(intent_id))
    except stripe.StripeError as exc:
        raise StripeError(str(exc)) from exc


def refund_create(*, intent_id: str, amount: int, key: str) -> str:
    try:
        refund = _client().v1.refunds.create(
            params={"payment_intent": intent_id, "amount": amount}, options={"idempotency_key": key}
        )
    except stripe.StripeError as exc:
        raise StripeError(str(exc)) from exc
    return refund.id


def event_verify(*, payload: bytes, signature: str) -> dict:
    """The event as a dict, or StripeError if the signature (or its timestamp) is wrong."""
    try:
        event = stripe.Webhook.construct_event(payload, signature, settings.STRIPE_WEBHOOK_SECRET)
    except (ValueError, stripe.SignatureVerificationError) as exc:
        raise StripeError(str(exc)) from exc
    return event.to_dict()
