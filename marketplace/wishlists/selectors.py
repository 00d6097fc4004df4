"""Reads: which products a shopper has saved."""

from oscar.core.loading import get_model

from marketplace.catalogue.selectors import on_sale_in_order

Line = get_model("wishlists", "Line")


def _lines(user):
    return Line.objects.filter(wishlist__owner=user, product__isnull=False)


def saved_product_ids(*, user) -> frozenset[int]:
    if not user.is_authenticated:
        return frozenset()
    return frozenset(_lines(user).values_list("product_id", flat=True))


def saved_products(*, user) -> list:
    """The shopper's saved products still on sale, last saved first, with everything a card needs."""
    ids = list(dict.fromkeys(_lines(user).order_by("-pk").values_list("product_id", flat=True)))
    return on_sale_in_order(ids)
