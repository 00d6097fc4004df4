"""Payment writes: the Stripe PaymentIntent of an order, webhook events (each once, in order,
amount checked), and refunds when a card-paid sub-order is cancelled."""

from __future__ import annotations

import logging

from django.db import IntegrityError, transaction
from oscar.core.loading import get_model

from marketplace.order.models import PaymentStatus, SubOrder
from marketplace.order.services import order_mark_paid

from . import stripe_gateway
from .models import StripeEvent, StripePayment

Order = get_model("order", "Order")
logger = logging.getLogger(__name__)

SUCCEEDED = "payment_intent.succeeded"
FAILED = "payment_intent.payment_failed"


def stripe_payment_ensure(*, order) -> StripePayment:
    """The order's PaymentIntent, created once (idempotency key = order number)."""
    existing = StripePayment.objects.filter(order=order).first()
    if existing:
        return existing
    amount = int(order.total_incl_tax)  # VND is zero-decimal in Stripe
    intent = stripe_gateway.intent_create(order_number=order.number, amount=amount, currency=order.currency)
    try:
        with transaction.atomic():
            return StripePayment.objects.create(
                order=order,
                intent_id=intent.id,
                client_secret=intent.client_secret,
                amount=intent.amount,
                currency=intent.currency.upper(),
                status=intent.status,
            )
    except IntegrityError:
        return StripePayment.objects.get(order=order)


def stripe_event_handle(*, event: dict) -> str:
    """Apply one verified webhook event. Returns what happened (for logs and tests)."""
    with transaction.atomic():
        try:
            with transaction.atomic():
                StripeEvent.objects.create(event_id=event["id"], type=event.get("type", ""))
        except IntegrityError:
            return "duplicate"
        if event.get("type") not in (SUCCEEDED, FAILED):
            return "ignored"
        intent = event["data"]["object"]
        payment = StripePayment.objects.select_for_update().filter(intent_id=intent["id"]).first()
        if payment is None:
            return "unknown intent"
        created = int(event.get("created") or 0)
        if payment.status == "succeeded":
            return "already paid"
        if created < payment.last_event_created:
            return "out of order"
        if int(intent["amount"]) != payment.amount or intent["currency"].upper() != payment.currency.upper():
            logger.error("Stripe event %s: amount/currency do not match order", event["id"])
            return "amount mismatch"
        if payment.currency.upper() != payment.order.currency.upper() or payment.amount != int(
            payment.order.total_incl_tax
        ):
            return "amount mismatch"
        payment.last_event_created = created
        if event["type"] == SUCCEEDED:
            payment.status = "succeeded"
            payment.save()
            order_mark_paid(order_id=payment.order_id, reference=payment.intent_id)
            return "paid"
        payment.status = "failed"
        payment.save()
        return "failed"


def stripe_refund_suborder(*, suborder_id: int) -> str:
    """Refund a cancelled, card-paid sub-order's amount (once: the idempotency key)."""
    suborder = SubOrder.objects.select_related("order").get(pk=suborder_id)
    payment = StripePayment.objects.filter(order_id=suborder.order_id, status="succeeded").first()
    if payment is None or suborder.payment_status != PaymentStatus.PAID:
        return ""
    refund_id = stripe_gateway.refund_create(
        intent_id=payment.intent_id, amount=int(suborder.total), key=f"chohtx-refund-{suborder.number}"
    )
    SubOrder.objects.filter(pk=suborder.pk).update(payment_status=PaymentStatus.REFUNDED)
    return refund_id
