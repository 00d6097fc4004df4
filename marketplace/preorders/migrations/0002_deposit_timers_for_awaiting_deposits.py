"""Pre-orders paid on delivery that still await their deposit transfer, placed before deposits had
timers, get the two timers (remind 24 h, cancel 72 h). They are counted from now, not from
placing: those buyers were never shown a deadline, so each gets the whole 72 hours (the reminder
tells them the deadline)."""

from datetime import timedelta

from django.db import migrations
from django.utils import timezone

OPEN = ["new", "confirmed", "packed"]
TASKS = "marketplace.preorders.tasks"


def add_timers(apps, schema_editor):
    SubOrder = apps.get_model("order", "SubOrder")
    PreorderLine = apps.get_model("preorders", "PreorderLine")
    DepositReceipt = apps.get_model("preorders", "DepositReceipt")
    OutboxMessage = apps.get_model("outbox", "OutboxMessage")
    owing = set(
        PreorderLine.objects.filter(deposit__gt=0).values_list("line__order_id", "line__partner_id")
    )
    if not owing:
        return
    received = set(DepositReceipt.objects.values_list("suborder_id", flat=True))
    now = timezone.now()
    awaiting = SubOrder.objects.filter(
        payment_method="cod", status__in=OPEN, order_id__in={order for order, __ in owing}
    )
    for suborder in awaiting:
        if (suborder.order_id, suborder.partner_id) not in owing or suborder.pk in received:
            continue
        start = max(suborder.created_at, now)
        for name, task, hours in (("remind", "deposit_remind", 24), ("cancel", "deposit_cancel", 72)):
            OutboxMessage.objects.get_or_create(
                key=f"deposit-{name}-timer:{suborder.number}",
                defaults={
                    "task": f"{TASKS}.{task}",
                    "kwargs": {"suborder_id": suborder.pk},
                    "due_at": start + timedelta(hours=hours),
                },
            )


class Migration(migrations.Migration):
    dependencies = [
        ("preorders", "0001_initial"),
        ("order", "0027_order_language"),
        ("outbox", "0003_outbox_retries_and_dead_letters"),
    ]

    operations = [migrations.RunPython(add_timers, migrations.RunPython.noop)]
