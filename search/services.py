"""Writes to the search index."""

from django.db import transaction
from oscar.core.loading import get_model

from .documents import product_text
from .models import ProductIndex

Product = get_model("catalogue", "Product")


def product_index_update(*, product_id: int) -> None:
    product = Product.objects.filter(pk=product_id).first()
    if product is None:
        ProductIndex.objects.filter(product_id=product_id).delete()
        return
    ProductIndex.objects.update_or_create(product=product, defaults={"text": product_text(product)})


def index_rebuild(*, progress=None) -> int:
    """Re-index every product; `progress(done, total)` is called as it goes."""
    ids = list(Product.objects.order_by("pk").values_list("pk", flat=True))
    with transaction.atomic():
        ProductIndex.objects.exclude(product_id__in=ids).delete()
        for done, product_id in enumerate(ids, start=1):
            product_index_update(product_id=product_id)
            if progress:
                progress(done, len(ids))
    return len(ids)
