"""Reads: which products a shopper may see, matching a query, in an order."""

from django.db.models import Prefetch, QuerySet
from oscar.core.loading import get_model

from marketplace.core.text import fold
from marketplace.partner.models import Status

Product = get_model("catalogue", "Product")
StockRecord = get_model("partner", "StockRecord")
ProductImage = get_model("catalogue", "ProductImage")

SORTS = {
    "relevance": ["-date_created", "-pk"],
    "newest": ["-date_created", "-pk"],
    "price-asc": ["min_price", "pk"],
    "price-desc": ["-min_price", "-pk"],
    "title": ["title", "pk"],
}


def on_sale_products() -> QuerySet:
    """Public, standalone or parent products sold by an approved cooperative,
    with everything a product card needs fetched in a fixed number of queries."""
    from django.db.models import Min

    from marketplace.ocop.models import Certificate

    approved = StockRecord.objects.filter(partner__status=Status.APPROVED)
    return (
        Product.objects.browsable()
        .filter(stockrecords__in=approved)
        .distinct()
        .select_related("product_class")
        .prefetch_related(
            Prefetch("stockrecords", queryset=StockRecord.objects.select_related("partner")),
            Prefetch("images", queryset=ProductImage.objects.order_by("display_order", "pk")),
            Prefetch("ocop_certificates", queryset=Certificate.objects.valid(), to_attr="valid_certificates"),
        )
        .annotate(min_price=Min("stockrecords__price"))
    )


def product_search(*, query: str = "", category=None, sort: str = "relevance") -> QuerySet:
    products = on_sale_products()
    if category is not None:
        products = products.filter(categories__in=category.get_descendants_and_self())
    for term in fold(query).split():
        products = products.filter(search_index__text__contains=term)
    return products.order_by(*SORTS.get(sort, SORTS["relevance"]))
