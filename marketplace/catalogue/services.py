"""Writes for the catalogue: one way to create a cooperative's product."""

from decimal import Decimal

from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import F, Value
from django.db.models.functions import Coalesce, Greatest
from oscar.core.loading import get_model

from marketplace.core.text import slugify
from marketplace.partner.models import StockRecord

from .models import Product

Category = get_model("catalogue", "Category")
ProductCategory = get_model("catalogue", "ProductCategory")
ProductClass = get_model("catalogue", "ProductClass")
ProductImage = get_model("catalogue", "ProductImage")

DEFAULT_PRODUCT_CLASS = "Sản phẩm hợp tác xã"


def default_product_class():
    product_class, __ = ProductClass.objects.get_or_create(
        slug="san-pham-htx",
        defaults={"name": DEFAULT_PRODUCT_CLASS, "requires_shipping": True, "track_stock": True},
    )
    return product_class


def category_ensure(*, code: str, name: str, parent=None):
    """Get or create the category with this OCOP code under `parent`."""
    existing = Category.objects.filter(code=code).first()
    if existing:
        if existing.name != name:
            existing.name = name
            existing.save()
        return existing
    if parent is None:
        return Category.add_root(name=name, code=code, slug=slugify(name))
    return parent.add_child(name=name, code=code, slug=slugify(name))


@transaction.atomic
def product_upsert(
    *,
    partner,
    sku: str,
    title: str,
    price: int | Decimal,
    stock: int,
    category=None,
    description: str = "",
    weight_grams: int | None = None,
    local_only: bool = False,
    image: bytes | None = None,
    is_public: bool = True,
) -> Product:
    """Create or update a product sold by `partner`, keyed by its SKU (idempotent)."""
    product, __ = Product.objects.update_or_create(
        upc=sku,
        defaults={
            "title": title,
            "description": description,
            "product_class": default_product_class(),
            "weight_grams": weight_grams,
            "local_only": local_only,
            "is_public": is_public,
            "structure": Product.STANDALONE,
        },
    )
    record, created = StockRecord.objects.get_or_create(
        product=product,
        partner=partner,
        defaults={
            "partner_sku": sku,
            "price": Decimal(price),
            "price_currency": "VND",
            "num_in_stock": stock,
        },
    )
    if not created:  # never below what open orders hold, never writing the allocation back
        StockRecord.objects.filter(pk=record.pk).update(
            partner_sku=sku,
            price=Decimal(price),
            price_currency="VND",
            num_in_stock=Greatest(Value(stock), Coalesce(F("num_allocated"), Value(0))),
        )
    if category is not None:
        ProductCategory.objects.get_or_create(product=product, category=category)
    if image and not product.images.exists():
        picture = ProductImage(product=product, caption=title, display_order=0)
        picture.original.save(f"{slugify(sku)}.jpg", ContentFile(image), save=True)
    return product
