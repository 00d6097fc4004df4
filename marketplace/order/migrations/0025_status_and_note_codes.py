"""Order statuses, fixed timeline notes and system cancel reasons become codes, translated on
display. Rows written before held the text in the language of whoever acted (Vietnamese or
English): both are recognised."""

import re

from django.db import migrations, models

ORDER_STATUS = {
    "new": ("Mới", "New"),
    "processing": ("Đang xử lý", "Processing"),
    "shipped": ("Đang giao", "Out for delivery"),
    "delivered": ("Đã giao", "Delivered"),
    "completed": ("Hoàn tất", "Completed"),
    "cancelled": ("Đã huỷ", "Cancelled"),
}
EVENT_NOTE = {
    "placed": ("Đơn hàng đã được đặt.", "Order placed."),
    "buyer_cancelled": ("Người mua đã huỷ đơn.", "The buyer cancelled the order."),
    "transfer_received": (
        "Hợp tác xã đã nhận được tiền chuyển khoản.",
        "The cooperative has received the bank transfer.",
    ),
    "card_paid": ("Đã thanh toán bằng thẻ.", "Paid by card."),
    "transfer_expired": (
        "Quá 72 giờ chưa nhận được tiền chuyển khoản.",
        "No bank transfer received within 72 hours.",
    ),
}
CANCEL_REASON = {
    "buyer_cancelled": ("Người mua huỷ", "Cancelled by the buyer"),
    "transfer_expired": EVENT_NOTE["transfer_expired"],
}
SHIPPED_WITH = [re.compile(r"^(?P<carrier>.+), mã vận đơn (?P<code>.+)$"), re.compile(r"^(?P<carrier>.+), tracking number (?P<code>.+)$")]


def _reverse_map(table: dict) -> dict:
    return {text: code for code, texts in table.items() for text in texts}


def forwards(apps, schema_editor):
    Order = apps.get_model("order", "Order")
    SubOrder = apps.get_model("order", "SubOrder")
    SubOrderEvent = apps.get_model("order", "SubOrderEvent")
    for text, code in _reverse_map(ORDER_STATUS).items():
        Order.objects.filter(status=text).update(status=code)
    for text, code in _reverse_map(CANCEL_REASON).items():
        SubOrder.objects.filter(status="cancelled", cancel_reason=text).update(cancel_code=code, cancel_reason="")
    for text, code in _reverse_map(EVENT_NOTE).items():
        SubOrderEvent.objects.filter(note=text).update(note_code=code, note="")
    for event in SubOrderEvent.objects.filter(status="shipped", note_code="").exclude(note=""):
        for pattern in SHIPPED_WITH:
            match = pattern.match(event.note)
            if match and match["carrier"] == event.suborder.carrier and match["code"] == event.suborder.tracking_code:
                event.note_code = "shipped_with"
                event.note_params = {"carrier": match["carrier"], "code": match["code"]}
                event.note = ""
                event.save(update_fields=["note_code", "note_params", "note"])
                break


def backwards(apps, schema_editor):
    Order = apps.get_model("order", "Order")
    SubOrder = apps.get_model("order", "SubOrder")
    SubOrderEvent = apps.get_model("order", "SubOrderEvent")
    for code, (text, __) in ORDER_STATUS.items():
        Order.objects.filter(status=code).update(status=text)
    for code, (text, __) in CANCEL_REASON.items():
        SubOrder.objects.filter(cancel_code=code).update(cancel_reason=text)
    for code, (text, __) in EVENT_NOTE.items():
        SubOrderEvent.objects.filter(note_code=code).update(note=text)
    for event in SubOrderEvent.objects.filter(note_code="shipped_with"):
        event.note = "%(carrier)s, mã vận đơn %(code)s" % event.note_params
        event.save(update_fields=["note"])


class Migration(migrations.Migration):
    dependencies = [("order", "0024_vietqr_timers_for_open_suborders")]

    operations = [
        migrations.AddField(
            model_name="suborder", name="cancel_code", field=models.CharField(blank=True, max_length=32)
        ),
        migrations.AddField(
            model_name="suborderevent", name="note_code", field=models.CharField(blank=True, max_length=32)
        ),
        migrations.AddField(
            model_name="suborderevent", name="note_params", field=models.JSONField(blank=True, default=dict)
        ),
        migrations.RunPython(forwards, backwards),
    ]
