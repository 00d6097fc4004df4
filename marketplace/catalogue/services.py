"""Writes for the catalogue: one way to create a cooperative's product."""

from decimal import Decimal

from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Case, F, Value, When
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
    is_public: bool | None = True,
) -> Product:
    """Create or update a product sold by `partner`, keyed by its SKU (idempotent).
    `is_public=None` leaves an existing product's visibility as it is (new products are public)."""
    defaults = {
        "title": title,
        "description": description,
        "product_class": default_product_class(),
        "weight_grams": weight_grams,
        "local_only": local_only,
        "structure": Product.STANDALONE,
    }
    if is_public is not None:
        defaults["is_public"] = is_public
    product, __ = Product.objects.update_or_create(upc=sku, defaults=defaults)
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
            # a product kept by batch takes its stock from its batches only
            num_in_stock=Case(
                When(kept_by_batch=True, then=F("num_in_stock")),
                default=Greatest(Value(stock), Coalesce(F("num_allocated"), Value(0))),
            ),
        )
    if category is not None:
        ProductCategory.objects.get_or_create(product=product, category=category)
    if image and not product.images.exists():
        picture = ProductImage(product=product, caption=title, display_order=0)
        picture.original.save(f"{slugify(sku)}.jpg", ContentFile(image), save=True)
    return product


@transaction.atomic
def product_local_only_set(*, partner, local_ids: set[int]) -> int:
    """Mark which of `partner`'s products are perishable ("chỉ giao trong tỉnh"): those in
    `local_ids`, and no others. Each changed product is saved (so the search index follows);
    returns how many changed."""
    own = Product.objects.filter(stockrecords__partner=partner).distinct()
    to_change = list(own.filter(local_only=True).exclude(pk__in=local_ids)) + list(
        own.filter(local_only=False, pk__in=local_ids)
    )
    for product in to_change:
        product.local_only = not product.local_only
        product.save(update_fields=["local_only", "date_updated"])
    return len(to_change)


def product_category_set(*, product, category) -> None:
    """File `product` under `category` only."""
    ProductCategory.objects.filter(product=product).exclude(category=category).delete()
    ProductCategory.objects.get_or_create(product=product, category=category)


def product_picture_replace(*, product, picture) -> None:
    """Make `picture` (a checked, re-encoded file) the product's only picture."""
    for old in product.images.all():
        old.delete()
    image = ProductImage(product=product, caption=product.title, display_order=0)
    image.original.save(picture.name, picture, save=True)
