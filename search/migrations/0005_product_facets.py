"""Filters, facets and sorting move to a narrow row per product (`search.ProductFacet`), so a results
page counts and groups small rows instead of the wide text rows; OCOP stars are kept there as each
rank's last valid day instead of being joined live.

The rows are filled here from the text rows' columns before those are dropped, and the stars from
the verified certificates; `manage.py search_index --rebuild` rewrites everything as usual. Words
with digits leave the typo dictionary (they are matched as typed, never corrected).
"""

import django.db.models.deletion
from django.db import migrations, models


def fill_facets(apps, schema_editor):
    ProductIndex = apps.get_model("search", "ProductIndex")
    ProductFacet = apps.get_model("search", "ProductFacet")
    Certificate = apps.get_model("ocop", "Certificate")
    until = {}
    valid = Certificate.objects.filter(status="verified").values_list("stars", "expires_on", "products")
    for stars, expires_on, product_id in valid:
        if product_id is not None and stars in (3, 4, 5):
            key = (product_id, stars)
            until[key] = max(until.get(key, expires_on), expires_on)
    columns = (
        "product_id",
        "cooperative_id",
        "area",
        "price",
        "in_stock",
        "date_created",
        "groups",
        "subgroups",
        "categories",
    )
    batch = []
    for row in ProductIndex.objects.order_by("product_id").values_list(*columns).iterator(chunk_size=2000):
        values = dict(zip(columns, row))
        for stars in (3, 4, 5):
            values[f"stars{stars}_until"] = until.get((values["product_id"], stars))
        batch.append(ProductFacet(**values))
        if len(batch) >= 2000:
            ProductFacet.objects.bulk_create(batch)
            batch = []
    ProductFacet.objects.bulk_create(batch)
    # The typo dictionary keeps words of letters only from now on.
    SearchTerm = apps.get_model("search", "SearchTerm")
    SearchTerm.objects.filter(word__regex=r"[0-9]").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("catalogue", "0033_product_local_only_product_weight_grams"),
        ("ocop", "0002_certificate_scan_review"),
        ("search", "0004_product_index_facet_columns"),
    ]

    operations = [
        migrations.CreateModel(
            name="ProductFacet",
            fields=[
                (
                    "product",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        primary_key=True,
                        related_name="search_facet",
                        serialize=False,
                        to="catalogue.product",
                    ),
                ),
                ("cooperative_id", models.IntegerField(null=True)),
                ("area", models.CharField(default="", max_length=32)),
                ("price", models.BigIntegerField(null=True)),
                ("in_stock", models.BooleanField(default=False)),
                ("date_created", models.DateTimeField(null=True)),
                (
                    "groups",
                    models.CharField(default=" ", help_text="OCOP group ids, space padded.", max_length=200),
                ),
                (
                    "subgroups",
                    models.CharField(
                        default=" ", help_text="OCOP subgroup ids, space padded.", max_length=200
                    ),
                ),
                (
                    "categories",
                    models.CharField(
                        default=" ", help_text="Category ids and ancestors, padded.", max_length=500
                    ),
                ),
                ("stars3_until", models.DateField(null=True)),
                ("stars4_until", models.DateField(null=True)),
                ("stars5_until", models.DateField(null=True)),
            ],
            options={
                "indexes": [
                    models.Index(fields=["-date_created", "-product"], name="search_facet_newest"),
                    models.Index(fields=["price", "product"], name="search_facet_price"),
                    models.Index(fields=["cooperative_id"], name="search_facet_coop"),
                ],
            },
        ),
        migrations.RunPython(fill_facets, migrations.RunPython.noop),
        migrations.RemoveField(
            model_name="productindex",
            name="area",
        ),
        migrations.RemoveField(
            model_name="productindex",
            name="categories",
        ),
        migrations.RemoveField(
            model_name="productindex",
            name="cooperative_id",
        ),
        migrations.RemoveField(
            model_name="productindex",
            name="groups",
        ),
        migrations.RemoveField(
            model_name="productindex",
            name="in_stock",
        ),
        migrations.RemoveField(
            model_name="productindex",
            name="price",
        ),
        migrations.RemoveField(
            model_name="productindex",
            name="subgroups",
        ),
    ]
