"""The database backend's index: one row of accent-folded text per product."""

from django.db import models


class ProductIndex(models.Model):
    product = models.OneToOneField("catalogue.Product", on_delete=models.CASCADE, related_name="search_index")
    text = models.TextField(help_text="Accent-folded, lower-case searchable text.")
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"index for product {self.product_id}"
