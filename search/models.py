"""The database backend's index: one row of searchable text per product, and the words seen.

Filters, facets and sorting read the live catalogue tables, so a cooperative's suspension or a
stock change shows at once; only the text (which changes rarely) is copied here, after commit.
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
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"index for product {self.product_id}"


class SearchTerm(models.Model):
    """Every folded word in the index: the dictionary for one-edit typo corrections."""

    word = models.CharField(max_length=64, primary_key=True)
    length = models.PositiveSmallIntegerField(db_index=True)

    def __str__(self) -> str:
        return self.word
