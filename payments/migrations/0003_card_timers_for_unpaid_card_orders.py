"""Card orders placed before card payments had timers get their two timers (remind an hour after
placing, cancel a day after), so their stock is no longer held forever. Orders older than a day
are cancelled at the next beat."""

from datetime import timedelta

from django.db import migrations

OPEN = ["new", "confirmed", "packed"]


def add_timers(apps, schema_editor):
    SubOrder = apps.get_model("order", "SubOrder")
    OutboxMessage = apps.get_model("outbox", "OutboxMessage")
    unpaid = SubOrder.objects.filter(payment_method="stripe", payment_status="pending", status__in=OPEN)
    for order in {suborder.order for suborder in unpaid.select_related("order")}:
        for name, task, hours in (
            ("remind", "card_payment_remind", 1),
            ("cancel", "card_payment_expire", 24),
        ):
            OutboxMessage.objects.get_or_create(
                key=f"card-{name}-timer:{order.number}",
                defaults={
                    "task": f"payments.tasks.{task}",
                    "kwargs": {"order_id": order.pk},
                    "due_at": order.date_placed + timedelta(hours=hours),
                },
            )


class Migration(migrations.Migration):
    dependencies = [
        ("payments", "0002_refunds_flags_intents_per_card_suborders"),
        ("order", "0024_vietqr_timers_for_open_suborders"),
        ("outbox", "0002_outbox_message_due_at"),
    ]

    operations = [migrations.RunPython(add_timers, migrations.RunPython.noop)]
