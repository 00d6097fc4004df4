"""The product page: Oscar's view, with what the page shows fetched once."""

from django.db.models import Prefetch
from oscar.apps.catalogue.views import ProductDetailView as OscarProductDetailView
from oscar.core.loading import get_model

StockRecord = get_model("partner", "StockRecord")
ProductImage = get_model("catalogue", "ProductImage")


class ProductDetailView(OscarProductDetailView):
    def get_queryset(self):
        """The product with its class, its cooperative's stock records, categories and pictures: the
        price, the buy bar, the seller box, breadcrumbs, the gallery and the wholesale tiers and minimum
        read them without more queries."""
        return (
            super()
            .get_queryset()
            .select_related("product_class", "parent", "wholesale_terms")
            .prefetch_related(
                Prefetch(
                    "stockrecords", queryset=StockRecord.objects.select_related("partner").order_by("pk")
                ),
                "categories",
                Prefetch("images", queryset=ProductImage.objects.order_by("display_order", "pk")),
                "price_tiers",  # the wholesale tiers under the price
            )
        )

    def is_viewable(self, product, request):
        """A product taken down by alliance staff is gone for everyone but staff (a 404)."""
        if product.taken_down_at is not None and not request.user.is_staff:
            return False
        return super().is_viewable(product, request)
