"""Vietnamese search: exact and folded text, a PostgreSQL tsvector, the typo dictionary.

On PostgreSQL this also creates the `unaccent` and `pg_trgm` extensions (both trusted, so the
database owner may) and the GIN indexes; on SQLite those steps do nothing.
"""

import django.contrib.postgres.search
from django.contrib.postgres.operations import TrigramExtension, UnaccentExtension
from django.db import migrations, models

PG_INDEXES = [
    "CREATE INDEX IF NOT EXISTS search_productindex_vector_gin ON search_productindex USING gin (vector)",
    "CREATE INDEX IF NOT EXISTS search_productindex_title_trgm ON search_productindex "
    "USING gin (title gin_trgm_ops)",
]
PG_DROP = [
    "DROP INDEX IF EXISTS search_productindex_vector_gin",
    "DROP INDEX IF EXISTS search_productindex_title_trgm",
]


def _run_on_postgresql(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [
        UnaccentExtension(),
        TrigramExtension(),
        migrations.AddField(
            model_name="productindex",
            name="title",
            field=models.TextField(default="", help_text="Accent-folded title words, space padded."),
        ),
        migrations.AddField(
            model_name="productindex",
            name="title_exact",
            field=models.TextField(default="", help_text="Lower-case NFC title words, space padded."),
        ),
        migrations.AddField(
            model_name="productindex",
            name="text_exact",
            field=models.TextField(default="", help_text="Lower-case NFC searchable text, space padded."),
        ),
        migrations.AddField(
            model_name="productindex",
            name="vector",
            field=django.contrib.postgres.search.SearchVectorField(blank=True, null=True),
        ),
        migrations.AlterField(
            model_name="productindex",
            name="text",
            field=models.TextField(help_text="Accent-folded, lower-case searchable text, space padded."),
        ),
        migrations.CreateModel(
            name="SearchTerm",
            fields=[
                ("word", models.CharField(max_length=64, primary_key=True, serialize=False)),
                ("length", models.PositiveSmallIntegerField(db_index=True)),
            ],
        ),
        migrations.RunPython(_run_on_postgresql(PG_INDEXES), _run_on_postgresql(PG_DROP)),
    ]
