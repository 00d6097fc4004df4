"""VietQR sub-orders placed before the payment timers moved into the outbox get their two timers
(the beat scans that used to find them are gone)."""

from datetime import timedelta

from django.db import migrations

OPEN = ["new", "confirmed", "packed"]


def add_timers(apps, schema_editor):
    SubOrder = apps.get_model("order", "SubOrder")
    OutboxMessage = apps.get_model("outbox", "OutboxMessage")
    unpaid = SubOrder.objects.filter(payment_method="vietqr", payment_status="pending", status__in=OPEN)
    for suborder in unpaid:
        for name, hours in (("remind", 24), ("cancel", 72)):
            OutboxMessage.objects.get_or_create(
                key=f"vietqr-{name}-timer:{suborder.number}",
                defaults={
                    "task": f"marketplace.order.tasks.vietqr_{name}",
                    "kwargs": {"suborder_id": suborder.pk},
                    "due_at": suborder.created_at + timedelta(hours=hours),
                },
            )


class Migration(migrations.Migration):
    dependencies = [
        ("order", "0023_order_number_sequence"),
        ("outbox", "0002_outbox_message_due_at"),
    ]

    operations = [migrations.RunPython(add_timers, migrations.RunPython.noop)]
