"""Returns of card-paid sub-orders are refunded to the card through Stripe (localstripe): exactly the
returned lines' amount, once, recorded as append-only refund rows; the return and both timelines
show it. Cash-on-delivery and VietQR refunds (a transfer the cooperative records and the buyer
confirms) are in tests/marketplace/test_returns.py."""

import pytest
from django.core import mail
from django.test import Client

from marketplace.order import services as order_services
from marketplace.returns.models import ReturnRequest, ReturnStatus
from payments import stripe_gateway
from payments.models import Refund, StripePayment
from tests.helpers.payments import intent_of, pay_in_stripe, send_event


@pytest.fixture(autouse=True)
def private_media(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"


def deliver(suborder):
    order_services.suborder_confirm(suborder_id=suborder.pk)
    order_services.suborder_ship(suborder_id=suborder.pk, carrier="GHN", tracking_code="GHN9")
    order_services.suborder_deliver(suborder_id=suborder.pk)


@pytest.mark.django_db
def test_a_card_return_is_refunded_to_the_card_once(
    client, card_placed, django_user_model, django_capture_on_commit_callbacks
):
    order, (rice, paste) = card_placed
    payment = StripePayment.objects.get(order=order)
    pay_in_stripe(payment)
    assert (
        send_event(Client(), "payment_intent.succeeded", intent_of(payment), event_id="evt_ok").content
        == b"paid"
    )
    deliver(rice)
    staff_user = django_user_model.objects.create_user(email="kho@comchay.vn", password="pw-seller-123")
    rice.partner.users.add(staff_user)
    staff = Client()
    staff.force_login(staff_user)

    # The buyer (the guest who placed the order) asks for one of the two packs back: no bank account
    # is asked for a card order.
    line = order.lines.get(partner_id=rice.partner_id)
    form = client.get(f"/orders/{order.number}/returns/{rice.number}/new/").content.decode()
    assert 'name="account_number"' not in form
    client.post(
        f"/orders/{order.number}/returns/{rice.number}/new/", {f"qty_{line.pk}": "1", "reason": "spoiled"}
    )
    ret = ReturnRequest.objects.get()
    assert ret.refund_amount == 45000

    # The cooperative refunds without a return: Stripe refunds exactly 45.000 ₫, once.
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        staff.post(f"/seller/returns/{ret.pk}/refund-only/")
    in_stripe = stripe_gateway._client().v1.refunds.list(params={"payment_intent": payment.intent_id}).data
    assert [r.amount for r in in_stripe] == [45000]
    rows = list(
        Refund.objects.filter(suborder=rice).values_list("status", "amount", "reason", "stripe_refund_id")
    )
    assert rows == [("requested", 45000, "returned", ""), ("succeeded", 45000, "returned", in_stripe[0].id)]
    ret.refresh_from_db()
    assert ret.status == ReturnStatus.REFUNDED
    rice.refresh_from_db()
    assert rice.payment_status == "paid"  # a part of it was refunded, not the whole sub-order
    # Each step (refund agreed, sent to the card, refunded) was emailed to both sides.
    assert len(mail.outbox) == 6

    page = client.get(f"/orders/{order.number}/").content.decode()
    assert "Đã hoàn 45.000\xa0₫ về thẻ của người mua." in page
    assert (
        "Đã hoàn 45.000\xa0₫ về thẻ của người mua."
        in staff.get(f"/seller/orders/{rice.number}/").content.decode()
    )

    # The settlement ledger records the refund of this return (and only its amount).
    from marketplace.ledger.models import Transaction

    posted = Transaction.objects.filter(key__startswith=f"refund:chohtx-return-{ret.number}")
    assert posted.count() == 1

    # A retried task does not refund twice; a transfer cannot be recorded on a card return.
    from payments import services

    services.stripe_refund_send(refund_id=Refund.objects.filter(suborder=rice).earliest("pk").pk)
    assert (
        len(stripe_gateway._client().v1.refunds.list(params={"payment_intent": payment.intent_id}).data) == 1
    )
    assert staff.post(f"/seller/returns/{ret.pk}/transfer/", {"reference": "x"}).status_code == 302
    assert Refund.objects.filter(suborder=rice).count() == 2
