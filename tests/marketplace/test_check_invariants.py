"""`manage.py check_invariants` reports each broken invariant and exits non-zero; on sound data it
says so and exits 0. Each test breaks one invariant the way a bug would, and sees it reported."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.management import CommandError, call_command
from django.db import IntegrityError, transaction
from django.utils import timezone
from oscar.core.loading import get_model

from marketplace.core import tasks as core_tasks
from marketplace.order import services
from marketplace.order.models import SubOrder
from marketplace.outbox.models import OutboxMessage, OutboxStatus
from tests.helpers.checkout import checkout_until_preview, place_order

Order = get_model("order", "Order")
StockRecord = get_model("partner", "StockRecord")


def check(*only) -> tuple[bool, str]:
    out = StringIO()
    args = [arg for name in only for arg in ("--only", name)]
    try:
        call_command("check_invariants", *args, stdout=out)
    except CommandError as error:
        return False, out.getvalue() + str(error)
    return True, out.getvalue()


@pytest.fixture
def orders(client, country_vn, two_cooperatives, django_capture_on_commit_callbacks):
    """Two orders through the real checkout; one sub-order shipped, one cancelled."""
    with django_capture_on_commit_callbacks(execute=True):
        checkout_until_preview(client, [(two_cooperatives[0], 2), (two_cooperatives[1], 1)])
        place_order(client)
        checkout_until_preview(client, [(two_cooperatives[0], 1)], email="binh@example.vn")
        place_order(client)
    first, second = Order.objects.order_by("number")
    rice, paste = first.suborders.order_by("number")
    with django_capture_on_commit_callbacks(execute=True):
        services.suborder_confirm(suborder_id=rice.pk)
        services.suborder_ship(suborder_id=rice.pk, carrier="Viettel Post", tracking_code="VTP1")
        services.suborder_cancel(suborder_id=paste.pk, reason="Hết hàng")
    mail.outbox.clear()
    return first, second


@pytest.mark.django_db
def test_sound_data_passes(orders):
    ok, output = check()
    assert ok, output
    assert "stock: ok" in output and "totals: ok" in output and "outbox: ok" in output


@pytest.mark.django_db
def test_an_allocation_that_does_not_match_the_open_order_lines_is_reported(orders, two_cooperatives):
    record = StockRecord.objects.get(product=two_cooperatives[0])
    # A whole-row save of a stock form that showed an old allocation (what a bad edit does).
    StockRecord.objects.filter(pk=record.pk).update(num_allocated=0)
    ok, output = check("stock")
    assert not ok
    assert f"[stock.allocation] stock record {record.pk}" in output
    assert "allocated 0, but open order lines hold 1" in output


@pytest.mark.django_db
def test_allocations_above_the_stock_cannot_even_be_stored(orders, two_cooperatives):
    """The database refuses it (constraint `allocation_within_stock`); the check stays as a second
    line for databases restored from before the constraint."""
    record = StockRecord.objects.get(product=two_cooperatives[0])
    with pytest.raises(IntegrityError), transaction.atomic():
        StockRecord.objects.filter(pk=record.pk).update(num_in_stock=0)
    ok, output = check("stock")
    assert ok, output


@pytest.mark.django_db
def test_a_sub_order_total_that_is_not_its_lines_plus_shipping_is_reported(orders):
    first, __ = orders
    rice = first.suborders.order_by("number").first()
    SubOrder.objects.filter(pk=rice.pk).update(total=rice.total + 1000)
    ok, output = check("totals")
    assert not ok
    assert f"[suborder.total] sub-order {rice.number}" in output
    assert f"[order.total] order {first.number}" in output


@pytest.mark.django_db
def test_lines_that_do_not_add_up_to_the_sub_order_are_reported(orders):
    first, __ = orders
    rice = first.suborders.order_by("number").first()
    line = rice.lines.first()
    type(line).objects.filter(pk=line.pk).update(line_price_incl_tax=line.line_price_incl_tax - 5000)
    ok, output = check("totals")
    assert not ok and f"[suborder.lines] sub-order {rice.number}" in output


@pytest.mark.django_db
def test_outbox_rows_past_their_deadline_and_dead_letters_are_reported(orders):
    stuck = OutboxMessage.objects.create(key="stuck", task="x.y")
    OutboxMessage.objects.filter(pk=stuck.pk).update(created_at=timezone.now() - timedelta(hours=28))
    OutboxMessage.objects.create(key="gave-up", task="x.y", status=OutboxStatus.DEAD, dead_at=timezone.now())
    OutboxMessage.objects.create(key="young", task="x.y")
    ok, output = check("outbox")
    assert not ok
    assert "[outbox.deadline] outbox stuck: pending past its deadline" in output
    assert "[outbox.deadline] outbox gave-up: dead letter" in output
    assert "young" not in output


@pytest.mark.django_db
def test_the_nightly_check_emails_alliance_staff_when_something_is_broken(
    orders, staff_user, settings, django_capture_on_commit_callbacks
):
    schedule = {entry["task"]: entry for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert "marketplace.core.tasks.invariants_check" in schedule
    with django_capture_on_commit_callbacks(execute=True):
        assert core_tasks.invariants_check.apply().get() == 0
    assert mail.outbox == []  # nothing broken, nothing sent

    first, __ = orders
    SubOrder.objects.filter(pk=first.suborders.first().pk).update(total=1)
    with django_capture_on_commit_callbacks(execute=True):
        assert core_tasks.invariants_check.apply().get() == 2
    [report] = mail.outbox
    assert report.to == [staff_user.email] and "2 điểm bất thường" in report.subject
    assert "[suborder.total]" in report.body and "[order.total]" in report.body


# --- Card payments and refunds (payments.StripePayment, payments.Refund) -------------------------


def _card_paid(order, *, amount=None, suborders=None):
    """The order's sub-orders paid by card through one succeeded PaymentIntent."""
    from payments.models import StripePayment

    suborders = list(suborders if suborders is not None else order.suborders.all())
    SubOrder.objects.filter(pk__in=[s.pk for s in suborders]).update(
        payment_method="stripe", payment_status="paid", paid_at=timezone.now()
    )
    payment = StripePayment.objects.create(
        order=order,
        intent_id=f"pi_{order.number}",
        amount=amount if amount is not None else sum(int(s.total) for s in suborders),
        currency="VND",
        status="succeeded",
    )
    payment.suborders.set(suborders)
    return payment


@pytest.fixture
def card_order(client, country_vn, two_cooperatives):
    checkout_until_preview(client, [(two_cooperatives[0], 1), (two_cooperatives[1], 1)])
    place_order(client)
    return Order.objects.get()


@pytest.mark.django_db
def test_a_card_payment_that_matches_its_sub_orders_passes(card_order):
    _card_paid(card_order)
    ok, output = check("card")
    assert ok, output


@pytest.mark.django_db
def test_a_payment_intent_of_the_wrong_amount_is_reported(card_order):
    payment = _card_paid(card_order, amount=int(card_order.total_incl_tax) + 30000)
    ok, output = check("card")
    assert not ok and f"[card.intent_amount] PaymentIntent {payment.intent_id}" in output


@pytest.mark.django_db
def test_a_paid_card_sub_order_without_a_succeeded_intent_is_reported(card_order):
    rice, paste = card_order.suborders.order_by("number")
    _card_paid(card_order, suborders=[rice])
    SubOrder.objects.filter(pk=paste.pk).update(payment_method="stripe", paid_at=timezone.now())
    ok, output = check("card")
    assert not ok and f"[card.paid_without_intent] sub-order {paste.number}" in output


@pytest.mark.django_db
def test_a_cancelled_paid_card_sub_order_without_its_refund_is_reported(card_order):
    from payments.models import Refund

    _card_paid(card_order)
    rice, __ = card_order.suborders.order_by("number")
    SubOrder.objects.filter(pk=rice.pk).update(status="cancelled")
    ok, output = check("card")
    assert not ok and f"[card.cancelled_not_refunded] sub-order {rice.number}" in output
    Refund.objects.create(
        key=f"refund:{rice.number}",
        order=card_order,
        suborder=rice,
        amount=int(rice.total),
        status="requested",
        reason="cancelled",
    )
    ok, output = check("card")
    assert ok, output
