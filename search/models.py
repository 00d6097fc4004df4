"""The database backend's index: one row per searchable product, and the words seen.

A row holds the product's searchable text and the values its filters, facets and sorting need,
taken from the same document Elasticsearch indexes and rewritten by the same after-commit tasks
(a save of the product, its stock, its cooperative or a certificate). Searches read this one
table instead of joining the catalogue's; only OCOP stars (certificates expire by date) and the
rating are read live.
"""

from django.contrib.postgres.search import SearchVectorField
from django.db import models


class ProductIndex(models.Model):
    product = models.OneToOneField("catalogue.Product", on_delete=models.CASCADE, related_name="search_index")
    title = models.TextField(default="", help_text="Accent-folded title words, space padded.")
    title_exact = models.TextField(default="", help_text="Lower-case NFC title words, space padded.")
    text = models.TextField(help_text="Accent-folded, lower-case searchable text, space padded.")
    text_exact = models.TextField(default="", help_text="Lower-case NFC searchable text, space padded.")
    # PostgreSQL only: to_tsvector('simple', unaccent(...)), weighted title A, the rest B.
    vector = SearchVectorField(null=True, blank=True)
    # Filters, facets and sorting, from the same document Elasticsearch indexes (search 0004).
    cooperative_id = models.IntegerField(null=True, db_index=True)
    area = models.CharField(max_length=32, default="", db_index=True)
    price = models.BigIntegerField(null=True, db_index=True)
    in_stock = models.BooleanField(default=False)
    date_created = models.DateTimeField(null=True, db_index=True)
    groups = models.TextField(default=" ", help_text="OCOP group (category) ids, space padded.")
    subgroups = models.TextField(default=" ", help_text="OCOP subgroup (category) ids, space padded.")
    categories = models.TextField(default=" ", help_text="Category ids with their ancestors, space padded.")
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"index for product {self.product_id}"


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
