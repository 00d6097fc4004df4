"""Pages may have an English version: the English locale exists from the start."""

from django.db import migrations


def add_english(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    Locale.objects.get_or_create(language_code="en")


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0003_stories_campaigns_poll_legal_settings"),
    ]

    operations = [migrations.RunPython(add_english, migrations.RunPython.noop)]
