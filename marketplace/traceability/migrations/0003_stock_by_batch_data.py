"""Products with batches keep their stock by batch from now on: lines packed from a batch before
this release give up their reservation (as packing does now), and each such stock record becomes
the units left in its open batches (never below what orders still hold)."""

from django.db import migrations
from django.db.models import Sum


def forwards(apps, schema_editor):
    Batch = apps.get_model("traceability", "Batch")
    BatchLine = apps.get_model("traceability", "BatchLine")
    StockRecord = apps.get_model("partner", "StockRecord")
    SubOrder = apps.get_model("order", "SubOrder")
    Line = apps.get_model("order", "Line")
    pairs = set(Batch.objects.values_list("partner_id", "product_id"))
    packed = SubOrder.objects.filter(status="packed").values_list("order_id", "partner_id")
    for order_id, partner_id in packed:
        lines = Line.objects.filter(
            order_id=order_id, partner_id=partner_id, allocation_cancelled=False, stockrecord__isnull=False
        )
        for line in lines:
            if (partner_id, line.product_id) not in pairs or not BatchLine.objects.filter(line=line).exists():
                continue
            record = StockRecord.objects.get(pk=line.stockrecord_id)
            record.num_allocated = max((record.num_allocated or 0) - line.quantity, 0)
            record.save(update_fields=["num_allocated"])
            line.allocation_cancelled = True
            line.save(update_fields=["allocation_cancelled"])
    for partner_id, product_id in pairs:
        record = StockRecord.objects.filter(partner_id=partner_id, product_id=product_id).first()
        if record is None:
            continue
        units = (
            Batch.objects.filter(
                partner_id=partner_id, product_id=product_id, recalled_at__isnull=True, expired_at__isnull=True
            ).aggregate(units=Sum("remaining"))["units"]
            or 0
        )
        record.num_in_stock = max(units, record.num_allocated or 0)
        record.kept_by_batch = True
        record.save(update_fields=["num_in_stock", "kept_by_batch"])


class Migration(migrations.Migration):
    dependencies = [
        ("traceability", "0002_stock_by_batch"),
        ("partner", "0016_stock_by_batch"),
        ("order", "0027_order_language"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
