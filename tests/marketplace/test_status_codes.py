"""Order and sub-order statuses, timeline notes and the system's cancel reasons are stored as codes
and shown in the reader's language: a cooperative or buyer working in English no longer writes
English text ("Cancelled") into the data that Vietnamese readers then see, and the reverse."""

import importlib

import pytest
from django.apps import apps as django_apps
from django.core import mail
from django.utils import timezone, translation
from oscar.core.loading import get_model

from marketplace.order import services
from marketplace.order.models import SubOrder, SubOrderEvent
from tests.helpers.checkout import checkout_until_preview, place_order

Order = get_model("order", "Order")


def _act_in_english(order) -> tuple[SubOrder, SubOrder]:
    rice, paste = order.suborders.order_by("number")
    with translation.override("en"):
        services.suborder_cancel_by_buyer(suborder_id=rice.pk)
        services.suborder_confirm(suborder_id=paste.pk)
        services.suborder_ship(suborder_id=paste.pk, carrier="Viettel Post", tracking_code="VTP42")
    rice.refresh_from_db()
    paste.refresh_from_db()
    return rice, paste


@pytest.mark.django_db
def test_acting_in_english_stores_codes_not_english_text(order):
    rice, paste = _act_in_english(order)
    order.refresh_from_db()
    assert order.status == "shipped"
    assert (rice.cancel_code, rice.cancel_reason) == ("buyer_cancelled", "")
    notes = list(SubOrderEvent.objects.filter(suborder__order=order).values_list("note_code", "note"))
    assert ("buyer_cancelled", "") in notes and ("shipped_with", "") in notes
    assert all(not note for __, note in notes)  # nobody typed anything: no stored text at all
    with translation.override("en"):
        services.order_status_sync(order_id=order.pk)
    assert Order.objects.get(pk=order.pk).status == "shipped"


@pytest.mark.django_db
def test_a_whole_order_cancelled_in_english_is_stored_as_cancelled(client, country_vn, two_cooperatives):
    checkout_until_preview(client, [(two_cooperatives[0], 1), (two_cooperatives[1], 1)])
    place_order(client)
    order = Order.objects.get()
    with translation.override("en"):
        for suborder in order.suborders.all():
            services.suborder_cancel(suborder_id=suborder.pk, reason="Out of stock")
    order.refresh_from_db()
    assert order.status == "cancelled" and not Order.objects.filter(status="Cancelled").exists()
    # What a person typed is kept as typed.
    assert set(order.suborders.values_list("cancel_reason", flat=True)) == {"Out of stock"}


@pytest.mark.django_db
def test_each_reader_sees_statuses_and_notes_in_their_own_language(client, order, staff_user):
    _act_in_english(order)

    timeline = client.get(f"/orders/{order.number}/").content.decode()
    assert "Trạng thái: <strong>Đang giao</strong>" in timeline
    assert "Người mua đã huỷ đơn." in timeline and "Viettel Post, mã vận đơn VTP42" in timeline
    assert "Đang giao" in client.get("/accounts/orders/").content.decode()
    assert "<p>Đang giao</p>" in client.get(f"/accounts/orders/{order.number}/").content.decode()

    client.cookies["django_language"] = "en"
    timeline = client.get(f"/orders/{order.number}/").content.decode()
    assert "<strong>Out for delivery</strong>" in timeline
    assert "The buyer cancelled the order." in timeline and "Viettel Post, tracking number VTP42" in timeline

    client.cookies["django_language"] = "vi"
    client.force_login(staff_user)
    listing = client.get("/dashboard/orders/").content.decode()
    assert "<td>Đang giao</td>" in listing and "<td>shipped</td>" not in listing
    detail = client.get(f"/dashboard/orders/{order.number}/").content.decode()
    assert "<td>Đang giao</td>" in detail and "Đã huỷ — Người mua huỷ" in detail
    user_page = client.get(f"/dashboard/users/{order.user_id}/").content.decode()
    assert "<td>Đang giao</td>" in user_page


@pytest.mark.django_db
def test_the_buyers_email_about_a_step_is_in_vietnamese_whoever_acted(
    order, django_capture_on_commit_callbacks
):
    rice, paste = order.suborders.order_by("number")
    with django_capture_on_commit_callbacks(execute=True), translation.override("en"):
        services.suborder_confirm(suborder_id=paste.pk)
        services.suborder_ship(suborder_id=paste.pk, carrier="Viettel Post", tracking_code="VTP42")
    shipped = [m for m in mail.outbox if "Viettel Post" in m.body]
    assert shipped and "Viettel Post, mã vận đơn VTP42" in shipped[0].body


@pytest.mark.django_db
def test_the_data_migration_turns_stored_vietnamese_and_english_texts_into_codes(two_cooperatives):
    """Rows as they were written before (text in the actor's language) become codes. The
    migration's function runs on today's tables: the columns it reads and writes are the same."""
    migration = importlib.import_module("marketplace.order.migrations.0025_status_and_note_codes")
    partner_ids = [product.stockrecords.get().partner_id for product in two_cooperatives]
    now = timezone.now()
    totals = {"currency": "VND", "total_incl_tax": 1, "total_excl_tax": 1, "date_placed": now}
    english = Order.objects.create(number="900001", status="Cancelled", **totals)
    vietnamese = Order.objects.create(number="900002", status="Đang xử lý", **totals)
    fields = {"payment_method": "cod", "shipping_code": "delivery", "shipping_label": "Giao tận nơi"}
    cancelled = SubOrder.objects.create(
        order=english,
        partner_id=partner_ids[0],
        number="900001-1",
        status="cancelled",
        cancel_reason="Cancelled by the buyer",
        **fields,
    )
    typed = SubOrder.objects.create(
        order=english,
        partner_id=partner_ids[1],
        number="900001-2",
        status="cancelled",
        cancel_reason="Hết hàng",
        **fields,
    )
    shipped = SubOrder.objects.create(
        order=vietnamese,
        partner_id=partner_ids[0],
        number="900002-1",
        status="shipped",
        carrier="GHN",
        tracking_code="G1",
        **fields,
    )
    SubOrderEvent.objects.create(suborder=cancelled, status="new", note="Order placed.")
    SubOrderEvent.objects.create(
        suborder=cancelled, status="cancelled", note="The buyer cancelled the order."
    )
    SubOrderEvent.objects.create(suborder=typed, status="cancelled", note="Hết hàng")
    SubOrderEvent.objects.create(suborder=shipped, status="new", note="Đơn hàng đã được đặt.")
    SubOrderEvent.objects.create(suborder=shipped, status="shipped", note="GHN, tracking number G1")

    migration.forwards(django_apps, None)

    assert dict(Order.objects.values_list("number", "status")) == {
        "900001": "cancelled",
        "900002": "processing",
    }
    cancelled.refresh_from_db()
    typed.refresh_from_db()
    assert (cancelled.cancel_code, cancelled.cancel_reason) == ("buyer_cancelled", "")
    assert (typed.cancel_code, typed.cancel_reason) == ("", "Hết hàng")
    events = SubOrderEvent.objects.order_by("pk")
    assert [(e.note_code, e.note, e.note_params) for e in events] == [
        ("placed", "", {}),
        ("buyer_cancelled", "", {}),
        ("", "Hết hàng", {}),
        ("placed", "", {}),
        ("shipped_with", "", {"carrier": "GHN", "code": "G1"}),
    ]
    with translation.override("vi"):
        assert events.last().note_text == "GHN, mã vận đơn G1"
        assert cancelled.cancel_reason_text == "Người mua huỷ"
