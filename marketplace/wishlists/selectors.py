"""Reads: which products a shopper has saved."""

from typing import Any

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import QuerySet
from oscar.core.loading import get_model

from marketplace.catalogue.models import Product
from marketplace.catalogue.selectors import on_sale_in_order

Line = get_model("wishlists", "Line")


def _lines(user: AbstractBaseUser | AnonymousUser) -> QuerySet[Any]:
    lines: QuerySet[Any] = Line.objects.filter(wishlist__owner=user, product__isnull=False)
    return lines


def saved_product_ids(*, user: AbstractBaseUser | AnonymousUser) -> frozenset[int]:
    if not user.is_authenticated:
        return frozenset()
    return frozenset(_lines(user).values_list("product_id", flat=True))


def saved_products(*, user: AbstractBaseUser | AnonymousUser) -> list[Product]:
    """The shopper's saved products still on sale, last saved first, with everything a card needs."""
    ids = list(dict.fromkeys(_lines(user).order_by("-pk").values_list("product_id", flat=True)))
    return on_sale_in_order(ids)
