"""Card payment with Stripe (against localstripe): the payment page creates a PaymentIntent, the
webhook is the source of truth (signature, duplicates, out-of-order, amount/currency), and
cancelling a paid sub-order refunds it."""

import time

import pytest
from oscar.core.loading import get_model

from marketplace.order import services as order_services
from marketplace.order.models import PaymentStatus
from payments import stripe_gateway
from payments.models import Refund, StripeEvent, StripePayment
from tests.helpers.checkout import checkout_until_preview, place_order
from tests.helpers.payments import intent_of, pay_in_stripe, send_event, signed

Order = get_model("order", "Order")


@pytest.fixture
def card_order(client, country_vn, two_cooperatives, localstripe, django_capture_on_commit_callbacks):
    response = checkout_until_preview(
        client, [(two_cooperatives[0], 2), (two_cooperatives[1], 1)], method="stripe"
    )
    assert "Thẻ ngân hàng quốc tế" in response.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = place_order(client)
    order = Order.objects.get()
    assert response.redirect_chain[-1][0] == f"/payments/card/{order.number}/"
    payment = StripePayment.objects.get(order=order)
    assert payment.client_secret in response.content.decode()
    assert (payment.amount, payment.currency) == (170000, "VND")  # VND is zero-decimal
    return order, payment


def test_card_payment_is_offered_only_when_stripe_keys_are_set(settings):
    from payments.card import StripeCard

    settings.STRIPE_SECRET_KEY = ""
    assert not StripeCard().is_configured()
    settings.STRIPE_SECRET_KEY, settings.STRIPE_PUBLISHABLE_KEY = "sk_test_x", "pk_test_x"
    settings.STRIPE_WEBHOOK_SECRET = "whsec_x"
    assert StripeCard().is_configured()


@pytest.mark.django_db
def test_webhook_marks_the_order_paid_even_if_the_buyer_never_returns(client, card_order):
    order, payment = card_order
    pay_in_stripe(payment)  # the card goes through: the intent has succeeded
    from django.test import Client

    stripe = Client()  # Stripe calls from its own servers: no session, no CSRF token
    response = send_event(
        stripe, "payment_intent.succeeded", intent_of(payment, status="succeeded"), event_id="evt_1"
    )
    assert response.content == b"paid"
    assert set(order.suborders.values_list("payment_status", flat=True)) == {PaymentStatus.PAID}
    # The same event again, and a late "failed" event, change nothing.
    assert (
        send_event(stripe, "payment_intent.succeeded", intent_of(payment), event_id="evt_1").content
        == b"duplicate"
    )
    late = send_event(
        stripe, "payment_intent.payment_failed", intent_of(payment), event_id="evt_0", created=1
    )
    assert late.content == b"already paid"
    payment.refresh_from_db()
    assert payment.status == "succeeded"
    assert StripeEvent.objects.count() == 2


@pytest.mark.django_db
def test_webhook_rejects_a_bad_signature_and_a_stale_one(client, card_order, settings):
    __, payment = card_order
    response = send_event(
        client, "payment_intent.succeeded", intent_of(payment), event_id="evt_x", secret="whsec_wrong"
    )
    assert response.status_code == 400
    payload = b'{"id": "evt_y", "type": "payment_intent.succeeded", "data": {"object": {}}}'
    stale = client.post(
        "/payments/stripe/webhook/",
        payload,
        content_type="application/json",
        HTTP_STRIPE_SIGNATURE=signed(payload, at=time.time() - 3600),
    )
    assert stale.status_code == 400
    assert StripeEvent.objects.count() == 0


@pytest.mark.django_db
def test_out_of_order_and_wrong_amount_events_do_nothing(client, card_order):
    order, payment = card_order
    assert (
        send_event(
            client, "payment_intent.payment_failed", intent_of(payment), event_id="e2", created=200
        ).content
        == b"failed"
    )
    older = send_event(client, "payment_intent.succeeded", intent_of(payment), event_id="e1", created=100)
    assert older.content == b"out of order"
    cheaper = send_event(
        client, "payment_intent.succeeded", intent_of(payment, amount=1000), event_id="e3", created=300
    )
    assert cheaper.content == b"amount mismatch"
    dollars = send_event(
        client, "payment_intent.succeeded", intent_of(payment, currency="usd"), event_id="e4", created=300
    )
    assert dollars.content == b"amount mismatch"
    assert set(order.suborders.values_list("payment_status", flat=True)) == {PaymentStatus.PENDING}


@pytest.mark.django_db
def test_cancelling_a_card_paid_sub_order_refunds_it(client, card_order, django_capture_on_commit_callbacks):
    order, payment = card_order
    pm = stripe_gateway._client().v1.payment_methods.create(
        params={
            "type": "card",
            "card": {"number": "4242424242424242", "exp_month": 12, "exp_year": 2030, "cvc": "123"},
        }
    )
    stripe_gateway.intent_confirm_with_card(intent_id=payment.intent_id, payment_method=pm.id)
    send_event(client, "payment_intent.succeeded", intent_of(payment), event_id="evt_paid")
    paste = order.suborders.get(number=f"{order.number}-2")
    with django_capture_on_commit_callbacks(execute=True):
        order_services.suborder_cancel(suborder_id=paste.pk, reason="Hết hàng")
    paste.refresh_from_db()
    assert paste.payment_status == PaymentStatus.REFUNDED
    refunds = stripe_gateway._client().v1.refunds.list(params={"payment_intent": payment.intent_id})
    assert [r.amount for r in refunds.data] == [80000]
    assert Refund.objects.filter(suborder=paste).latest("pk").stripe_refund_id == refunds.data[0].id
