from django.db import migrations
from django.db.models import F


def counters_within_bounds(apps, schema_editor):
    """Rows broken before the constraints (a seller's edit wrote back a stale stock or allocation):
    negative counters become 0, and stock that is below what open orders hold is raised to that
    amount, so those orders can still be fulfilled and nothing more is sold until restocked."""
    StockRecord = apps.get_model("partner", "StockRecord")
    StockRecord.objects.filter(num_in_stock__lt=0).update(num_in_stock=0)
    StockRecord.objects.filter(num_allocated__lt=0).update(num_allocated=0)
    StockRecord.objects.filter(num_allocated__gt=F("num_in_stock")).update(num_in_stock=F("num_allocated"))


class Migration(migrations.Migration):

    dependencies = [
        ('catalogue', '0033_product_local_only_product_weight_grams'),
        ('partner', '0011_fill_partner_commune_codes'),
    ]

    operations = [migrations.RunPython(counters_within_bounds, migrations.RunPython.noop)]
