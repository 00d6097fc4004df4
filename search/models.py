"""The database backend's index: per searchable product a row of text and a narrow row of facet
values, and the words seen.

Both rows are taken from the same document Elasticsearch indexes and rewritten by the same
after-commit tasks (a save of the product, its stock, its cooperative or a certificate). Searches
read these tables instead of joining the catalogue's; only the rating is read live.
"""

from django.contrib.postgres.search import SearchVectorField
from django.db import models


class ProductIndex(models.Model):
    """The searchable text of a product (matching and ranking); its facet values are on the narrow
    `ProductFacet` row beside it."""

    product = models.OneToOneField("catalogue.Product", on_delete=models.CASCADE, related_name="search_index")
    title = models.TextField(default="", help_text="Accent-folded title words, space padded.")
    title_exact = models.TextField(default="", help_text="Lower-case NFC title words, space padded.")
    text = models.TextField(help_text="Accent-folded, lower-case searchable text, space padded.")
    text_exact = models.TextField(default="", help_text="Lower-case NFC searchable text, space padded.")
    # PostgreSQL only: to_tsvector('simple', unaccent(...)), weighted title A, the rest B.
    vector = SearchVectorField(null=True, blank=True)
    date_created = models.DateTimeField(null=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"index for product {self.product_id}"


class ProductFacet(models.Model):
    """What filters, facets and sorting read, one narrow row per searchable product (search 0005):
    a results page counts and groups these rows without reading the text beside them.

    OCOP stars are kept as the last day a verified certificate of each rank is valid, so a
    certificate stops counting the day it expires without any write."""

    product = models.OneToOneField(
        "catalogue.Product", on_delete=models.CASCADE, primary_key=True, related_name="search_facet"
    )
    cooperative_id = models.IntegerField(null=True)
    area = models.CharField(max_length=32, default="")
    price = models.BigIntegerField(null=True)
    in_stock = models.BooleanField(default=False)
    date_created = models.DateTimeField(null=True)
    groups = models.CharField(max_length=200, default=" ", help_text="OCOP group ids, space padded.")
    subgroups = models.CharField(max_length=200, default=" ", help_text="OCOP subgroup ids, space padded.")
    categories = models.CharField(
        max_length=500, default=" ", help_text="Category ids and ancestors, padded."
    )
    stars3_until = models.DateField(null=True)
    stars4_until = models.DateField(null=True)
    stars5_until = models.DateField(null=True)

    class Meta:
        indexes = [
            models.Index(fields=["-date_created", "-product"], name="search_facet_newest"),
            models.Index(fields=["price", "product"], name="search_facet_price"),
            models.Index(fields=["cooperative_id"], name="search_facet_coop"),
        ]

    def __str__(self) -> str:
        return f"facets of product {self.product_id}"


class SearchTerm(models.Model):
    """Every folded word in the index: the dictionary for one-edit typo corrections."""

    word = models.CharField(max_length=64, primary_key=True)
    length = models.PositiveSmallIntegerField(db_index=True)

    def __str__(self) -> str:
        return self.word


class StoryIndex(models.Model):
    """One row of searchable text per published CMS story (`cms.StoryPage`, when installed):
    title, lead and body text, accent-folded and space padded like the products' rows.
    Whether a story is live, public and in the current language is read from the page itself."""

    page = models.OneToOneField("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    title = models.TextField(default="", help_text="Accent-folded title words, space padded.")
    text = models.TextField(default="", help_text="Accent-folded title, lead and body words, space padded.")
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"index for story {self.page_id}"
