"""VietQR: the EMVCo/NAPAS payload against known vectors, and the whole journey through the views:
a QR per cooperative on the thank-you page and in the email, "payment received", 24 h reminder and
72 h cancellation."""

from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from oscar.core.loading import get_model

from marketplace.order import services
from marketplace.order.models import PaymentStatus, SubOrder, SubOrderStatus
from marketplace.outbox.models import OutboxMessage
from marketplace.outbox.services import outbox_dispatch
from payments import vietqr
from tests.factories import bank_account_for
from tests.marketplace.test_checkout_journeys import checkout_until_preview, place_order

Order = get_model("order", "Order")
StockRecord = get_model("partner", "StockRecord")


def test_payload_matches_the_known_vector():
    payload = vietqr.payload(bank_bin="970415", account="0011001932418", amount=120000, note="ung ho lu lut")
    assert payload == (
        "00020101021238570010A00000072701270006970415011300110019324180208QRIBFTTA"
        "530370454061200005802VN62170813ung ho lu lut6304C15C"
    )


def test_payload_without_amount_is_static_and_has_a_valid_crc():
    payload = vietqr.payload(bank_bin="970436", account="1234567890")
    assert payload.startswith("000201010211")
    assert payload[-4:] == vietqr.crc16_ccitt_false(payload[:-4])
    assert vietqr.crc16_ccitt_false("123456789") == "29B1"  # the CRC-16/CCITT-FALSE check value


def test_transfer_note_drops_diacritics_and_punctuation():
    assert vietqr.transfer_note("Đơn hàng 100001-2") == "Don hang 100001 2"


def test_qr_image_is_a_png():
    assert vietqr.png_bytes("hello").startswith(b"\x89PNG")


def dispatch_at(moment) -> None:
    """The beat dispatcher (and the task it hands over) running at that moment."""
    with time_machine.travel(moment, tick=False):
        outbox_dispatch()


@pytest.fixture
def two_banked_cooperatives(two_cooperatives):
    rice, paste = two_cooperatives
    bank_account_for(rice.stockrecords.get().partner, bank_bin="970415", account_number="0011001932418")
    bank_account_for(paste.stockrecords.get().partner, bank_bin="970436", account_number="9876543210")
    return two_cooperatives


def buy_by_transfer(client, products, capture):
    response = checkout_until_preview(client, [(products[0], 2), (products[1], 1)], method="vietqr")
    assert response.redirect_chain[-1][0] == "/checkout/preview/"
    with capture(execute=True):
        return place_order(client)


@pytest.mark.django_db
def test_vietqr_is_offered_only_when_every_cooperative_has_an_account(client, country_vn, two_cooperatives):
    bank_account_for(two_cooperatives[0].stockrecords.get().partner)
    response = checkout_until_preview(client, [(two_cooperatives[0], 1), (two_cooperatives[1], 1)])
    assert "Chuyển khoản VietQR" not in client.get("/checkout/payment-method/").content.decode()
    assert response.status_code == 200


@pytest.mark.django_db
def test_thank_you_page_and_email_show_a_qr_per_cooperative(
    client, country_vn, two_banked_cooperatives, django_capture_on_commit_callbacks
):
    response = buy_by_transfer(client, two_banked_cooperatives, django_capture_on_commit_callbacks)
    assert response.redirect_chain[-1][0] == "/checkout/thank-you/"
    order = Order.objects.get()
    first, second = order.suborders.order_by("number")
    page = response.content.decode()
    assert page.count('class="row align-items-center chohtx-vietqr"') == 2
    assert "0011001932418" in page and "9876543210" in page
    assert f"CHOHTX {order.number} 1" in page and f"CHOHTX {order.number} 2" in page
    assert "90.000\xa0₫" in page and "80.000\xa0₫" in page
    expected = vietqr.payload(
        bank_bin="970415", account="0011001932418", amount=90000, note=f"CHOHTX {order.number} 1"
    )
    assert vietqr.svg_data_uri(expected) in page

    [message] = mail.outbox
    assert message.to == ["an@example.vn"]
    assert "0011001932418" in message.body and f"CHOHTX {order.number} 2" in message.body
    assert sorted(name for name, __, __ in message.attachments) == [
        f"vietqr-{first.number}.png",
        f"vietqr-{second.number}.png",
    ]
    assert {s.payment_status for s in (first, second)} == {PaymentStatus.PENDING}


@pytest.mark.django_db
def test_cooperative_confirms_payment_received(
    client, country_vn, two_banked_cooperatives, django_capture_on_commit_callbacks
):
    buy_by_transfer(client, two_banked_cooperatives, django_capture_on_commit_callbacks)
    suborder = SubOrder.objects.order_by("number").first()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.suborder_payment_received(suborder_id=suborder.pk)
        services.suborder_payment_received(suborder_id=suborder.pk)  # twice: one email
    suborder.refresh_from_db()
    assert suborder.payment_status == PaymentStatus.PAID and suborder.paid_at
    assert len(mail.outbox) == 1 and "đã nhận được tiền chuyển khoản" in mail.outbox[0].body


@pytest.mark.django_db
def test_unpaid_transfer_is_reminded_after_24_hours_and_cancelled_after_72(
    client, country_vn, two_banked_cooperatives, django_capture_on_commit_callbacks
):
    buy_by_transfer(client, two_banked_cooperatives, django_capture_on_commit_callbacks)
    paid, unpaid = SubOrder.objects.order_by("number")
    with django_capture_on_commit_callbacks(execute=True):
        services.suborder_payment_received(suborder_id=paid.pk)
    record = StockRecord.objects.get(product=two_banked_cooperatives[1])
    assert record.num_allocated == 1
    mail.outbox.clear()
    placed = unpaid.created_at
    # The timers were written with the order, due 24 and 72 hours later.
    timers = OutboxMessage.objects.filter(key__contains="-timer:", kwargs__suborder_id=unpaid.pk)
    assert sorted((t.due_at - placed).total_seconds() / 3600 for t in timers) == [24, 72]

    with django_capture_on_commit_callbacks(execute=True):
        dispatch_at(placed + timedelta(hours=23))
    assert not mail.outbox
    with django_capture_on_commit_callbacks(execute=True):
        dispatch_at(placed + timedelta(hours=25))
        dispatch_at(placed + timedelta(hours=26))  # nothing more is due
    [reminder] = mail.outbox  # the paid sub-order's timer found nothing to remind
    assert "Nhắc chuyển khoản" in reminder.subject and "9876543210" in reminder.body
    unpaid.refresh_from_db()
    assert unpaid.status == SubOrderStatus.NEW

    with django_capture_on_commit_callbacks(execute=True):
        dispatch_at(placed + timedelta(hours=71))
    unpaid.refresh_from_db()
    assert unpaid.status == SubOrderStatus.NEW
    with django_capture_on_commit_callbacks(execute=True):
        dispatch_at(placed + timedelta(hours=73))
    unpaid.refresh_from_db()
    assert unpaid.status == SubOrderStatus.CANCELLED
    assert unpaid.payment_status == PaymentStatus.VOID
    assert unpaid.cancel_code == "transfer_expired" and "72 giờ" in unpaid.cancel_reason_text
    record.refresh_from_db()
    assert record.num_allocated == 0  # stock released
    paid.refresh_from_db()
    assert paid.status == SubOrderStatus.NEW  # the paid one goes on


@pytest.mark.django_db
def test_beat_schedule_runs_the_timers(settings):
    """The timers live in the outbox; the beat dispatcher sends them when due."""
    tasks = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert "marketplace.outbox.tasks.outbox_dispatch_pending" in tasks


@pytest.mark.django_db
def test_open_transfers_from_before_the_timers_get_them_by_migration(
    client, country_vn, two_banked_cooperatives, django_capture_on_commit_callbacks
):
    from importlib import import_module

    from django.apps import apps

    buy_by_transfer(client, two_banked_cooperatives, django_capture_on_commit_callbacks)
    first, second = SubOrder.objects.order_by("number")
    OutboxMessage.objects.filter(key__contains="-timer:").delete()  # as placed before the change
    services.suborder_payment_received(suborder_id=first.pk)

    import_module("marketplace.order.migrations.0024_vietqr_timers_for_open_suborders").add_timers(apps, None)
    timers = OutboxMessage.objects.filter(key__contains="-timer:")
    assert sorted(timers.values_list("key", flat=True)) == [
        f"vietqr-cancel-timer:{second.number}",
        f"vietqr-remind-timer:{second.number}",
    ]
