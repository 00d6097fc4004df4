"""The one module that talks to Stripe (or to localstripe, through STRIPE_API_BASE).

The rest of the code sees plain dataclasses and `StripeError`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

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
    """Keys and the webhook secret: without verified events no card payment could complete."""
    return bool(
        settings.STRIPE_SECRET_KEY and settings.STRIPE_PUBLISHABLE_KEY and settings.STRIPE_WEBHOOK_SECRET
    )


def _client() -> stripe.StripeClient:
    base = settings.STRIPE_API_BASE or stripe.DEFAULT_API_BASE
    return stripe.StripeClient(
        settings.STRIPE_SECRET_KEY, base_addresses={"api": base}, max_network_retries=2
    )


def _intent(obj: stripe.PaymentIntent) -> Intent:
    return Intent(obj.id, obj.client_secret or "", obj.status, int(obj.amount), obj.currency)


def intent_create(*, order_number: str, amount: int, currency: str, key: str) -> Intent:
    """A PaymentIntent for `amount`; the idempotency key makes a retry return the same one."""
    try:
        obj = _client().v1.payment_intents.create(
            params={
                "amount": amount,
                "currency": currency.lower(),
                "payment_method_types": ["card"],  # type: ignore[typeddict-unknown-key]
                "metadata": {"order_number": order_number},
            },
            options={"idempotency_key": key},
        )
    except stripe.StripeError as exc:
        raise StripeError(str(exc)) from exc
    return _intent(obj)


def intent_cancel(*, intent_id: str) -> str:
    """Cancel an unpaid PaymentIntent; returns its status (a paid or cancelled one is left alone)."""
    client = _client()
    try:
        status = client.v1.payment_intents.retrieve(intent_id).status
        if status in ("succeeded", "canceled", "processing"):
            return status
        return client.v1.payment_intents.cancel(intent_id).status
    except stripe.StripeError as exc:
        raise StripeError(str(exc)) from exc


def intent_confirm_with_card(*, intent_id: str, payment_method: str) -> Intent:
    """Used by tests against localstripe (the browser uses the Payment Element instead)."""
    try:
        client = _client()
        client.v1.payment_intents.update(intent_id, params={"payment_method": payment_method})
        return _intent(client.v1.payment_intents.confirm(intent_id))
    except stripe.StripeError as exc:
        raise StripeError(str(exc)) from exc


@dataclass(frozen=True)
class RefundResult:
    id: str
    status: str
    amount: int


def refund_create(*, intent_id: str, amount: int, key: str, metadata: dict[str, str]) -> RefundResult:
    """Refund `amount` of a paid intent, once per `key` (Stripe's idempotency key)."""
    try:
        refund = _client().v1.refunds.create(
            params={"payment_intent": intent_id, "amount": amount, "metadata": metadata},
            options={"idempotency_key": key},
        )
    except stripe.StripeError as exc:
        raise StripeError(str(exc)) from exc
    return RefundResult(refund.id, refund.status or "pending", int(refund.amount))


def refunds_of_intent(*, intent_id: str) -> list[dict[str, Any]]:
    """Every refund of an intent, as dicts (a `charge.refunded` event may not list them)."""
    try:
        page = _client().v1.refunds.list(params={"payment_intent": intent_id, "limit": 100})
    except stripe.StripeError as exc:
        raise StripeError(str(exc)) from exc
    return [refund.to_dict() for refund in page.data]


def event_verify(*, payload: bytes, signature: str) -> dict[str, Any]:
    """The event as a dict, or StripeError if the signature (or its timestamp) is wrong."""
    try:
        event = stripe.Webhook.construct_event(payload, signature, settings.STRIPE_WEBHOOK_SECRET)
    except (ValueError, stripe.SignatureVerificationError) as exc:
        raise StripeError(str(exc)) from exc
    verified: dict[str, Any] = event.to_dict()
    return verified
