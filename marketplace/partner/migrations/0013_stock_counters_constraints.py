"""The database guards the stock counters: never negative, allocations never above stock."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("partner", "0012_stock_counters_within_bounds")]

    operations = [
        migrations.AddConstraint(
            model_name='stockrecord',
            constraint=models.CheckConstraint(condition=models.Q(('num_in_stock__gte', 0)), name='stock_never_negative'),
        ),
        migrations.AddConstraint(
            model_name='stockrecord',
            constraint=models.CheckConstraint(condition=models.Q(('num_allocated__gte', 0)), name='allocation_never_negative'),
        ),
        migrations.AddConstraint(
            model_name='stockrecord',
            constraint=models.CheckConstraint(condition=models.Q(('num_allocated__lte', models.F('num_in_stock'))), name='allocation_within_stock'),
        ),
    ]
