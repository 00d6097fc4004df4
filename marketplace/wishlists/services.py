"""Writes: save a product to the shopper's list, take it off again."""

from typing import TYPE_CHECKING

from django.db import transaction
from oscar.core.loading import get_model

if TYPE_CHECKING:  # Oscar ships no types: the class is Any to the type checker
    from oscar.apps.wishlists.models import WishList
else:
    WishList = get_model("wishlists", "WishList")
Line = get_model("wishlists", "Line")


def _wishlist_for(user) -> "WishList":
    wishlist = user.wishlists.order_by("pk").first()
    return wishlist or WishList.objects.create(owner=user, visibility=WishList.PRIVATE)


@transaction.atomic
def wishlist_product_add(*, user, product) -> bool:
    """Save ``product`` for ``user``; False if it was already saved (saving twice keeps one line)."""
    wishlist = _wishlist_for(user)
    __, created = Line.objects.get_or_create(
        wishlist=wishlist, product=product, defaults={"title": product.get_title()}
    )
    return created


@transaction.atomic
def wishlist_product_remove(*, user, product_id: int) -> bool:
    """Take a product off every list of ``user``; False if it was not there."""
    deleted, __ = Line.objects.filter(wishlist__owner=user, product_id=product_id).delete()
    return deleted > 0
