"""The values filters, facets and sorting need, on each product's index row, so the database
backend reads one table instead of joining the catalogue's (see search/backends/database.py).

The new columns start empty: run `manage.py search_index --rebuild` once after migrating (the demo
loader, hence `make run`, does it; so does every test floor). Until then the rows still match text
but carry no cooperative, area, price or category for filters and facets.
"""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('search', '0003_story_index'),
    ]

    operations = [
        migrations.AddField(
            model_name='productindex',
            name='area',
            field=models.CharField(db_index=True, default='', max_length=32),
        ),
        migrations.AddField(
            model_name='productindex',
            name='categories',
            field=models.TextField(default=' ', help_text='Category ids with their ancestors, space padded.'),
        ),
        migrations.AddField(
            model_name='productindex',
            name='cooperative_id',
            field=models.IntegerField(db_index=True, null=True),
        ),
        migrations.AddField(
            model_name='productindex',
            name='date_created',
            field=models.DateTimeField(db_index=True, null=True),
        ),
        migrations.AddField(
            model_name='productindex',
            name='groups',
            field=models.TextField(default=' ', help_text='OCOP group (category) ids, space padded.'),
        ),
        migrations.AddField(
            model_name='productindex',
            name='in_stock',
            field=models.BooleanField(default=False),
        ),
        migrations.AddField(
            model_name='productindex',
            name='price',
            field=models.BigIntegerField(db_index=True, null=True),
        ),
        migrations.AddField(
            model_name='productindex',
            name='subgroups',
            field=models.TextField(default=' ', help_text='OCOP subgroup (category) ids, space padded.'),
        ),
    ]
