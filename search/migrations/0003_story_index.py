"""Searchable text of CMS stories (title, lead, body), folded like the products' rows.

Rows are written when a story is published (and dropped when unpublished). Stories published
before this migration get theirs from `manage.py search_index --rebuild` (which `make run` and
`load_demo` run through the demo loader).
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('search', '0002_vietnamese_text'),
        migrations.swappable_dependency(settings.WAGTAIL_PAGE_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='StoryIndex',
            fields=[
                ('id', models.AutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('title', models.TextField(default='', help_text='Accent-folded title words, space padded.')),
                ('text', models.TextField(default='', help_text='Accent-folded title, lead and body words, space padded.')),
                ('updated_at', models.DateTimeField(auto_now=True)),
                ('page', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='+', to=settings.WAGTAIL_PAGE_MODEL)),
            ],
        ),
    ]
