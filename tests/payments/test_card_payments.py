"""Card payments that respect cancellations: the payment page charges exactly the open card
sub-orders, shows no form when nothing is owed by card, every cancellation of a paid card sub-order
is refunded and recorded (in the cancelling transaction), and the buyer sees the refund."""

from datetime import timedelta

import pytest
from django.core import mail
from django.test import Client
from oscar.core.loading import get_model

from marketplace.order import services as order_services
from marketplace.order.models import PaymentStatus, SubOrderStatus
from marketplace.outbox.models import OutboxMessage
from payments import stripe_gateway
from payments.models import Refund, StripePayment
from tests.helpers.checkout import checkout_until_preview, place_order
from tests.helpers.payments import dispatch_at, intent_of, pay_in_stripe, send_event

Order = get_model("order", "Order")
StockRecord = get_model("partner", "StockRecord")


@pytest.mark.django_db
def test_a_sub_order_cancelled_before_payment_is_not_charged(client, card_placed):
    order, (rice, paste) = card_placed
    assert StripePayment.objects.get(order=order).amount == 170000
    order_services.suborder_cancel_by_buyer(suborder_id=paste.pk)

    page = client.get(f"/payments/card/{order.number}/")
    assert page.status_code == 200
    text = page.content.decode()
    assert "90.000\xa0₫" in text and "170.000\xa0₫" not in text
    current = StripePayment.objects.filter(order=order).latest("pk")
    assert (current.amount, list(current.suborders.all())) == (90000, [rice])
    assert current.client_secret in text
    intent = stripe_gateway._client().v1.payment_intents.retrieve(current.intent_id)
    assert intent.amount == 90000
    # The old 170.000 ₫ intent is cancelled in Stripe (through the outbox), so it cannot be paid.
    old = StripePayment.objects.filter(order=order).earliest("pk")
    assert OutboxMessage.objects.filter(key=f"stripe-intent-cancel:{old.intent_id}").exists()


@pytest.mark.django_db
def test_a_fully_cancelled_order_shows_no_payment_form(client, card_placed):
    order, suborders = card_placed
    for suborder in suborders:
        order_services.suborder_cancel_by_buyer(suborder_id=suborder.pk)
    page = client.get(f"/payments/card/{order.number}/")
    text = page.content.decode()
    assert page.status_code == 200
    assert "đã bị huỷ nên không cần thanh toán" in text
    assert 'id="payment-form"' not in text and "client_secret" not in text


@pytest.mark.django_db
def test_cash_on_delivery_and_vietqr_orders_are_never_charged_by_card(
    client, country_vn, two_cooperatives, localstripe, django_capture_on_commit_callbacks
):
    checkout_until_preview(client, [(two_cooperatives[0], 1)], method="cod")
    with django_capture_on_commit_callbacks(execute=True):
        place_order(client)
    order = Order.objects.get()
    page = client.get(f"/payments/card/{order.number}/")
    text = page.content.decode()
    assert "không chọn thanh toán bằng thẻ" in text
    assert 'id="payment-form"' not in text
    assert not StripePayment.objects.exists()


@pytest.mark.django_db
def test_cancelling_a_paid_card_sub_order_refunds_exactly_its_amount_and_the_buyer_sees_it(
    client, card_placed, django_capture_on_commit_callbacks
):
    order, (rice, paste) = card_placed
    payment = StripePayment.objects.get(order=order)
    pay_in_stripe(payment)
    assert (
        send_event(Client(), "payment_intent.succeeded", intent_of(payment), event_id="evt_ok").content
        == b"paid"
    )

    with django_capture_on_commit_callbacks(execute=True):
        order_services.suborder_cancel(suborder_id=paste.pk, reason="Hết hàng")
    paste.refresh_from_db()
    assert paste.payment_status == PaymentStatus.REFUNDED
    in_stripe = stripe_gateway._client().v1.refunds.list(params={"payment_intent": payment.intent_id}).data
    assert [r.amount for r in in_stripe] == [80000]
    rows = list(Refund.objects.filter(suborder=paste).values_list("status", "amount", "stripe_refund_id"))
    assert rows == [("requested", 80000, ""), ("succeeded", 80000, in_stripe[0].id)]

    page = client.get(f"/orders/{order.number}/").content.decode()
    assert 'id="refunds-' in page and "80.000\xa0₫" in page and "Đã hoàn tiền" in page
    # A retried task (the outbox hands work over at least once) does not refund twice.
    from payments import services

    services.stripe_refund_send(refund_id=Refund.objects.filter(suborder=paste).earliest("pk").pk)
    assert (
        len(stripe_gateway._client().v1.refunds.list(params={"payment_intent": payment.intent_id}).data) == 1
    )


@pytest.mark.django_db
def test_the_refund_request_is_written_in_the_same_transaction_as_the_cancel(card_placed, monkeypatch):
    """If writing the refund's outbox record fails, the cancellation does not happen either:
    a cancelled, paid sub-order without a refund on its way cannot exist."""
    order, (rice, paste) = card_placed
    payment = StripePayment.objects.get(order=order)
    pay_in_stripe(payment)
    send_event(Client(), "payment_intent.succeeded", intent_of(payment), event_id="evt_ok")

    from marketplace.outbox import services as outbox_services

    real_add = outbox_services.OutboxMessage.objects.get_or_create

    def crash_on_refund(**kwargs):
        if kwargs.get("key", "").startswith("stripe-refund:"):
            raise RuntimeError("the process died here")
        return real_add(**kwargs)

    monkeypatch.setattr(outbox_services.OutboxMessage.objects, "get_or_create", crash_on_refund)
    with pytest.raises(RuntimeError):
        order_services.suborder_cancel(suborder_id=paste.pk, reason="Hết hàng")
    paste.refresh_from_db()
    assert (paste.status, paste.payment_status) == (SubOrderStatus.NEW, PaymentStatus.PAID)
    assert not Refund.objects.exists()

    monkeypatch.undo()
    order_services.suborder_cancel(suborder_id=paste.pk, reason="Hết hàng")
    assert Refund.objects.get(suborder=paste).status == "requested"
    assert OutboxMessage.objects.filter(key=f"stripe-refund:chohtx-refund-{paste.number}").exists()


@pytest.mark.django_db
def test_a_payment_landing_after_a_cancel_is_refunded_for_the_cancelled_part(card_placed):
    """The buyer had the payment page open with both sub-orders when one was cancelled."""
    order, (rice, paste) = card_placed
    payment = StripePayment.objects.get(order=order)
    order_services.suborder_cancel(suborder_id=paste.pk, reason="Hết hàng")
    pay_in_stripe(payment)  # 170.000 ₫ charged
    assert (
        send_event(Client(), "payment_intent.succeeded", intent_of(payment), event_id="evt_ok").content
        == b"paid"
    )
    rice.refresh_from_db()
    assert rice.payment_status == PaymentStatus.PAID
    refund = Refund.objects.get(suborder=paste)
    assert (refund.amount, refund.reason, refund.status) == (80000, "charged_after_cancel", "requested")


@pytest.mark.django_db
def test_refund_rows_are_never_changed_or_deleted(card_placed):
    order, (rice, paste) = card_placed
    row = Refund.objects.create(
        key="k", order=order, suborder=paste, amount=1000, status="requested", reason="cancelled"
    )
    row.status = "succeeded"
    with pytest.raises(ValueError):
        row.save()
    with pytest.raises(ValueError):
        row.delete()


@pytest.mark.django_db
def test_unpaid_card_orders_are_reminded_after_an_hour_and_cancelled_after_a_day(
    card_placed, django_capture_on_commit_callbacks
):
    order, suborders = card_placed
    mail.outbox.clear()
    placed = order.date_placed
    timers = OutboxMessage.objects.filter(key__startswith="card-", key__contains="-timer:")
    assert sorted((t.due_at - placed).total_seconds() / 3600 for t in timers) == [1, 24]
    with django_capture_on_commit_callbacks(execute=True):
        dispatch_at(placed + timedelta(minutes=59))
    assert mail.outbox == []
    with django_capture_on_commit_callbacks(execute=True):
        dispatch_at(placed + timedelta(minutes=61))
    [reminder] = mail.outbox
    assert order.number in reminder.subject and f"/payments/card/{order.number}/" in reminder.body
    assert "170.000\xa0₫" in reminder.body

    reserved = list(StockRecord.objects.order_by("pk").values_list("num_allocated", flat=True))
    assert reserved == [2, 1]
    with django_capture_on_commit_callbacks(execute=True):
        dispatch_at(placed + timedelta(hours=25))
    assert {s.status for s in order.suborders.all()} == {SubOrderStatus.CANCELLED}
    assert list(StockRecord.objects.order_by("pk").values_list("num_allocated", flat=True)) == [0, 0]
    # The intent is cancelled in Stripe too, so the forgotten tab cannot take the money.
    payment = StripePayment.objects.get(order=order)
    assert stripe_gateway._client().v1.payment_intents.retrieve(payment.intent_id).status == "canceled"


@pytest.mark.django_db
def test_a_paid_card_order_is_neither_reminded_nor_cancelled(card_placed, django_capture_on_commit_callbacks):
    order, suborders = card_placed
    payment = StripePayment.objects.get(order=order)
    pay_in_stripe(payment)
    send_event(Client(), "payment_intent.succeeded", intent_of(payment), event_id="evt_ok")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        dispatch_at(order.date_placed + timedelta(hours=25))
    assert not [m for m in mail.outbox if "chờ thanh toán" in m.subject]
    assert {s.status for s in order.suborders.all()} == {SubOrderStatus.NEW}


@pytest.mark.django_db
def test_unpaid_card_orders_from_before_the_timers_get_them_by_migration(card_placed):
    from importlib import import_module

    from django.apps import apps

    order, suborders = card_placed
    OutboxMessage.objects.filter(key__startswith="card-").delete()  # as placed before the change
    import_module("payments.migrations.0003_card_timers_for_unpaid_card_orders").add_timers(apps, None)
    timers = OutboxMessage.objects.filter(key__startswith="card-").order_by("key")
    assert [(t.key, t.due_at - order.date_placed) for t in timers] == [
        (f"card-cancel-timer:{order.number}", timedelta(hours=24)),
        (f"card-remind-timer:{order.number}", timedelta(hours=1)),
    ]
