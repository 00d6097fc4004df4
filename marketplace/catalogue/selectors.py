"""What a buyer may see: the catalogue's one rule of "on sale", as a query and as a check of one product.

A product is on sale when it is public, not a variant, not taken down by alliance staff
(marketplace/moderation), and sold (has a stock record) by an approved cooperative
(`Partner.objects.approved()`: approved, its identity verified). Search, the storefronts, the CMS,
wishlists and the basket strategy all read it from here."""

from django.db.models import Exists, Min, OuterRef, Prefetch, Q, QuerySet
from oscar.core.loading import get_model

from marketplace.catalogue.models import Product
from marketplace.ocop.models import Certificate
from marketplace.partner.models import Partner, StockRecord

ProductImage = get_model("catalogue", "ProductImage")


def on_sale() -> QuerySet[Product]:
    """Every product on sale, one row each."""
    approved_stock = StockRecord.objects.filter(
        product=OuterRef("pk"), partner__in=Partner.objects.approved()
    )
    products: QuerySet[Product] = Product.objects.browsable().filter(
        Exists(approved_stock), taken_down_at__isnull=True
    )
    return products


def on_sale_products() -> QuerySet[Product]:
    """The products on sale with everything a product card needs, fetched in a fixed number of
    queries; `min_price` is the lowest price among approved cooperatives."""
    sold_by_approved = Q(stockrecords__partner__in=Partner.objects.approved())
    products: QuerySet[Product] = (
        on_sale()
        .distinct()
        .select_related("product_class")
        .prefetch_related(
            Prefetch("stockrecords", queryset=StockRecord.objects.select_related("partner")),
            Prefetch("images", queryset=ProductImage.objects.order_by("display_order", "pk")),
            Prefetch("ocop_certificates", queryset=Certificate.objects.valid(), to_attr="valid_certificates"),
        )
        .annotate(min_price=Min("stockrecords__price", filter=sold_by_approved))
    )
    return products


def on_sale_in_order(ids: list[int]) -> list[Product]:
    """These products with their card data, in this order, leaving out any no longer on sale."""
    if not ids:
        return []
    found = {product.pk: product for product in on_sale_products().filter(pk__in=ids)}
    return [found[pk] for pk in ids if pk in found]


def to_buy() -> QuerySet[Product]:
    """Products as adding one to a basket reads them: the class, the stock records with their
    cooperatives (the strategy and `is_on_sale` read these), and whether it has options (Oscar's
    add-to-basket form asks), in two queries."""
    class_options = Product.product_class.field.related_model.options.through.objects.filter(
        productclass_id=OuterRef("product_class_id")
    )
    own_options = Product.product_options.through.objects.filter(product_id=OuterRef("pk"))
    products: QuerySet[Product] = (
        Product.objects.select_related("product_class", "parent")
        .prefetch_related(Prefetch("stockrecords", queryset=StockRecord.objects.select_related("partner")))
        .annotate(has_product_class_options=Exists(class_options), has_product_options=Exists(own_options))
    )
    return products


def approved_stockrecord(product: Product) -> StockRecord | None:
    """The product's first stock record sold by an approved cooperative (reads its loaded records)."""
    return next((record for record in product.stockrecords.all() if record.partner.is_approved), None)


def is_on_sale(product: Product) -> bool:
    """Whether this one product is on sale (the rule of `on_sale`, on a product already loaded)."""
    browsable = product.is_public and product.structure != Product.CHILD and product.taken_down_at is None
    return browsable and approved_stockrecord(product) is not None
