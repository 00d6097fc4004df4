"""Stripe events that must reach the order: refunds made in Stripe's dashboard, disputes (a flag for
the alliance), a cancelled PaymentIntent, and amounts or currencies that do not match (a flag, not
just a log line). And card payments cannot be switched on without the webhook's secret."""

import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.test import Client
from oscar.core.loading import get_model

from marketplace.order.models import PaymentStatus, SubOrderStatus
from payments import stripe_gateway
from payments.models import PaymentFlag, Refund, StripePayment
from tests.helpers.payments import intent_of, pay_in_stripe, send_event

Order = get_model("order", "Order")
StockRecord = get_model("partner", "StockRecord")


@pytest.fixture
def paid_order(card_placed):
    order, suborders = card_placed
    payment = StripePayment.objects.get(order=order)
    pay_in_stripe(payment)
    assert (
        send_event(Client(), "payment_intent.succeeded", intent_of(payment), event_id="evt_paid").content
        == b"paid"
    )
    return order, suborders, payment


def charge_refunded(payment, refunds=None, *, event_id="evt_refunded"):
    charge = {"id": "ch_1", "object": "charge", "payment_intent": payment.intent_id, "amount": payment.amount}
    if refunds is not None:
        charge["refunds"] = {"object": "list", "data": refunds}
    return send_event(Client(), "charge.refunded", charge, event_id=event_id)


@pytest.fixture
def staff_client(staff_user):
    from tests.conftest import TwoFactorClient

    client = TwoFactorClient()  # the back office asks staff for a second factor
    client.force_login(staff_user)
    return client


@pytest.mark.django_db
def test_a_refund_made_in_stripes_dashboard_is_recorded_and_shown_to_the_buyer(client, paid_order):
    order, (rice, paste), payment = paid_order
    refund = stripe_gateway._client().v1.refunds.create(
        params={"payment_intent": payment.intent_id, "amount": 80000}
    )
    assert charge_refunded(payment, [refund.to_dict()]).content == b"refunds recorded"

    row = Refund.objects.get()
    assert (row.suborder, row.amount, row.stripe_refund_id, row.status, row.reason) == (
        paste,
        80000,
        refund.id,
        "succeeded",
        "stripe_dashboard",
    )
    paste.refresh_from_db()
    assert paste.payment_status == PaymentStatus.REFUNDED
    page = client.get(f"/orders/{order.number}/").content.decode()
    assert "80.000\xa0₫" in page and "Đã hoàn tiền" in page
    # The same refund told again (another event) adds nothing.
    charge_refunded(payment, [refund.to_dict()], event_id="evt_refunded_again")
    assert Refund.objects.count() == 1


@pytest.mark.django_db
def test_an_event_without_the_refund_list_is_completed_from_stripe(paid_order):
    order, (rice, paste), payment = paid_order
    stripe_gateway._client().v1.refunds.create(params={"payment_intent": payment.intent_id, "amount": 90000})
    charge_refunded(payment)  # newer API versions leave `refunds` out of the charge
    assert Refund.objects.get().suborder == rice


@pytest.mark.django_db
def test_a_dashboard_refund_matching_no_sub_order_is_flagged_for_the_alliance(staff_client, paid_order):
    order, suborders, payment = paid_order
    refund = stripe_gateway._client().v1.refunds.create(
        params={"payment_intent": payment.intent_id, "amount": 5000}
    )
    charge_refunded(payment, [refund.to_dict()])
    assert Refund.objects.get().suborder is None
    assert {s.payment_status for s in order.suborders.all()} == {PaymentStatus.PAID}
    [flag] = PaymentFlag.objects.all()
    assert flag.kind == "unmatched_refund"
    page = staff_client.get(f"/dashboard/orders/{order.number}/").content.decode()
    assert 'id="order-payment-flags"' in page and "Hoàn tiền không khớp đơn con nào" in page
    assert 'id="order-refunds"' in page and refund.id in page


@pytest.mark.django_db
def test_a_dispute_flags_the_order_for_the_alliance(staff_client, paid_order):
    order, suborders, payment = paid_order
    dispute = {
        "id": "dp_1",
        "object": "dispute",
        "amount": 170000,
        "currency": "vnd",
        "charge": "ch_1",
        "payment_intent": payment.intent_id,
        "reason": "fraudulent",
        "status": "needs_response",
    }
    assert send_event(Client(), "charge.dispute.created", dispute, event_id="evt_dp1").content == b"flagged"
    send_event(Client(), "charge.dispute.closed", {**dispute, "status": "lost"}, event_id="evt_dp2")
    assert list(PaymentFlag.objects.order_by("pk").values_list("kind", "stripe_event_id")) == [
        ("dispute", "evt_dp1"),
        ("dispute", "evt_dp2"),
    ]
    page = staff_client.get(f"/dashboard/orders/{order.number}/").content.decode()
    assert "Khiếu nại thanh toán (dispute)" in page and "fraudulent" in page and "lost" in page


@pytest.mark.django_db
def test_an_intent_cancelled_in_stripe_cancels_the_unpaid_card_sub_orders(card_placed):
    order, suborders = card_placed
    payment = StripePayment.objects.get(order=order)
    stripe_gateway.intent_cancel(intent_id=payment.intent_id)
    event = send_event(
        Client(), "payment_intent.canceled", intent_of(payment, status="canceled"), event_id="evt_c"
    )
    assert event.content == b"cancelled"
    assert {(s.status, s.payment_status) for s in order.suborders.all()} == {
        (SubOrderStatus.CANCELLED, PaymentStatus.VOID)
    }
    assert list(StockRecord.objects.values_list("num_allocated", flat=True)) == [0, 0]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("change", "kind"), [({"amount": 1000}, "amount_mismatch"), ({"currency": "usd"}, "currency_mismatch")]
)
def test_an_amount_or_currency_mismatch_flags_the_order(staff_client, card_placed, change, kind):
    order, suborders = card_placed
    payment = StripePayment.objects.get(order=order)
    response = send_event(
        Client(), "payment_intent.succeeded", intent_of(payment, **change), event_id="evt_mm"
    )
    assert response.content == b"amount mismatch"
    assert {s.payment_status for s in order.suborders.all()} == {PaymentStatus.PENDING}
    assert PaymentFlag.objects.get().kind == kind
    page = staff_client.get(f"/dashboard/orders/{order.number}/").content.decode()
    assert 'id="order-payment-flags"' in page


def test_card_payments_cannot_be_switched_on_without_the_webhook_secret(settings):
    settings.STRIPE_SECRET_KEY, settings.STRIPE_PUBLISHABLE_KEY = "sk_test_x", "pk_test_x"
    settings.STRIPE_WEBHOOK_SECRET = ""
    with pytest.raises(SystemCheckError, match="payments.E001"):
        call_command("check")
    from payments.card import StripeCard

    assert not StripeCard().is_configured()
    settings.STRIPE_WEBHOOK_SECRET = "whsec_x"
    call_command("check")
    assert StripeCard().is_configured()
