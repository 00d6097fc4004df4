"""VietQR: the EMVCo/NAPAS payload against known vectors, and the whole journey through the views:
a QR per cooperative on the thank-you page and in the email, "payment received", 24 h reminder and
72 h cancellation."""

import re
from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.utils import timezone
from oscar.core.loading import get_model

from marketplace.order import services
from marketplace.order.models import PaymentStatus, SubOrder, SubOrderStatus
from marketplace.outbox.models import OutboxMessage
from payments import vietqr
from tests.factories import bank_account_for
from tests.helpers.checkout import checkout_until_preview
from tests.helpers.payments import buy_by_transfer, dispatch_at

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


@pytest.fixture
def two_banked_cooperatives(two_cooperatives):
    rice, paste = two_cooperatives
    bank_account_for(rice.stockrecords.get().partner, bank_bin="970415", account_number="0011001932418")
    bank_account_for(paste.stockrecords.get().partner, bank_bin="970436", account_number="9876543210")
    return two_cooperatives


@pytest.mark.django_db
def test_vietqr_is_offered_only_when_every_cooperative_has_an_account(client, country_vn, two_cooperatives):
    bank_account_for(two_cooperatives[0].stockrecords.get().partner)
    response = checkout_until_preview(client, [(two_cooperatives[0], 1), (two_cooperatives[1], 1)])
    page = client.get("/checkout/payment-method/").content.decode()
    assert 'value="vietqr"' not in page and 'value="cod"' in page
    # The buyer is told why, and which cooperative has no bank account (not the one that has one).
    [notice] = re.findall(r'id="unavailable-vietqr">(.*?)</p>', page)
    assert "Chưa chuyển khoản qua mã QR được" in notice
    assert "Hợp tác xã Mắm tép Gia Viễn" in notice and "Cơm cháy Gia Sinh" not in notice
    assert response.status_code == 200


@pytest.mark.django_db
def test_no_vietqr_notice_when_every_cooperative_has_an_account(client, country_vn, two_banked_cooperatives):
    checkout_until_preview(client, [(two_banked_cooperatives[0], 1), (two_banked_cooperatives[1], 1)])
    page = client.get("/checkout/payment-method/").content.decode()
    assert 'value="vietqr"' in page and "co-unavailable" not in page


@pytest.mark.django_db
def test_thank_you_page_and_email_show_a_qr_per_cooperative(
    client, country_vn, two_banked_cooperatives, django_capture_on_commit_callbacks
):
    response = buy_by_transfer(client, two_banked_cooperatives, django_capture_on_commit_callbacks)
    assert response.redirect_chain[-1][0] == "/checkout/thank-you/"
    order = Order.objects.get()
    first, second = order.suborders.order_by("number")
    page = response.content.decode()
    assert page.count('data-testid="vietqr"') == 2
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


def vietqr_blocks(html: str) -> list[str]:
    return [block.split('<div class="vqr"')[0] for block in html.split('data-testid="vietqr">')[1:]]


@pytest.mark.django_db
def test_vietqr_block_on_thank_you_order_page_lookup_and_email(
    client, country_vn, two_banked_cooperatives, django_capture_on_commit_callbacks
):
    """Per cooperative: the QR, "Lưu mã QR", "Sao chép" for account, amount and note, and the
    deadline in words from the cancel timer (Asia/Ho_Chi_Minh), wherever the buyer meets it."""
    response = buy_by_transfer(client, two_banked_cooperatives, django_capture_on_commit_callbacks)
    order = Order.objects.get()
    first = order.suborders.order_by("number").first()
    timer = OutboxMessage.objects.get(key=f"vietqr-cancel-timer:{first.number}")
    local = timezone.localtime(timer.due_at, ZoneInfo("Asia/Ho_Chi_Minh"))
    deadline = f"Chuyển khoản trước {local:%H:%M} ngày {local:%d/%m/%Y}, sau đó đơn tự huỷ."
    save_url = f"/orders/{order.number}/vietqr/{first.number}.png"

    lookup = client.post("/orders/lookup/", {"number": order.number, "contact": "an@example.vn"})
    pages = {
        "thank-you": response.content.decode(),
        "order": client.get(f"/orders/{order.number}/").content.decode(),
        "lookup": lookup.content.decode(),
    }
    for name, html in pages.items():
        blocks = vietqr_blocks(html)
        assert len(blocks) == 2, name
        block = blocks[0]
        assert deadline in block, name
        assert f'href="{save_url}"' in block and "Lưu mã QR" in block, name
        assert f'data-copy="{first.partner.bank_account_number}"' in block, name
        assert 'data-copy="90000"' in block and f'data-copy="CHOHTX {order.number} 1"' in block, name
        assert block.count(">Sao chép<") == 3, name
        assert "chohtx/js/vietqr.js" in html and "defer" in html, name

    [message] = mail.outbox
    assert deadline in message.body
    assert deadline in message.alternatives[0][0]


@pytest.mark.django_db
def test_saved_qr_is_a_file_for_the_buyer_only(
    client, country_vn, two_banked_cooperatives, django_capture_on_commit_callbacks
):
    buy_by_transfer(client, two_banked_cooperatives, django_capture_on_commit_callbacks)
    order = Order.objects.get()
    first = order.suborders.order_by("number").first()
    response = client.get(f"/orders/{order.number}/vietqr/{first.number}.png")
    assert response.status_code == 200 and response["Content-Type"] == "image/png"
    assert response.content.startswith(b"\x89PNG")
    assert f'filename="vietqr-{first.number}.png"' in response["Content-Disposition"]
    svg = client.get(f"/orders/{order.number}/vietqr/{first.number}.svg")
    assert svg.status_code == 200 and b"<svg" in svg.content

    from django.test import Client

    stranger = Client()
    assert stranger.get(f"/orders/{order.number}/vietqr/{first.number}.png").status_code == 404
    # Another order's sub-order number under this order: 404 too.
    assert client.get(f"/orders/{order.number}/vietqr/99999-1.png").status_code == 404


@pytest.mark.django_db
def test_paid_transfer_shows_the_paid_state_instead_of_the_qr(
    client, country_vn, two_banked_cooperatives, django_capture_on_commit_callbacks
):
    buy_by_transfer(client, two_banked_cooperatives, django_capture_on_commit_callbacks)
    order = Order.objects.get()
    first = order.suborders.order_by("number").first()
    with django_capture_on_commit_callbacks(execute=True):
        services.suborder_payment_received(suborder_id=first.pk)
    html = client.get(f"/orders/{order.number}/").content.decode()
    paid, waiting = vietqr_blocks(html)
    assert "đã nhận được tiền chuyển khoản" in paid and "<img" not in paid and "Sao chép" not in paid
    assert "<img" in waiting and "Chuyển khoản trước" in waiting
