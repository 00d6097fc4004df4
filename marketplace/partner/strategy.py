"""Oscar's pricing/availability strategy: Oscar's default, except that a product not on sale
(hidden by its cooperative, or sold by a cooperative that is not approved: applied, rejected,
suspended) cannot be bought: not added by `POST /basket/add/<id>/`, flagged in a basket filled
before, refused at checkout and at placement. "On sale" is the catalogue's one rule
(`marketplace.catalogue.selectors.is_on_sale`). Orders already placed are not touched.

Selling in quantity: a basket line's unit price comes from `marketplace.wholesale.pricing` (price
tiers, quotes), and a product's minimum quantity is checked whenever a purchase is."""

from functools import cached_property
from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.http import HttpRequest
from django.utils.translation import gettext as _
from oscar.apps.partner import availability
from oscar.apps.partner import strategy as oscar_strategy

from marketplace.catalogue.models import Product
from marketplace.catalogue.selectors import is_on_sale
from marketplace.wholesale.pricing import BasketPrices, MinimumQuantity, line_price

from .models import Partner, StockRecord


class NotOnSale(availability.Unavailable):
    """Hidden, or its cooperative is not approved: nothing may be bought, whatever the stock."""

    code = "not-on-sale"

    def __init__(self, product: Product) -> None:
        self.title = product.get_title()

    @property
    def message(self) -> str:
        return _("“%(title)s” hiện không còn được bán trên Chợ HTX.") % {"title": self.title}

    def is_purchase_permitted(self, quantity: int) -> tuple[bool, str]:
        return False, self.message


def is_not_on_sale(availability_policy: object) -> bool:
    return isinstance(availability_policy, NotOnSale)


class ApprovedSellersOnly(oscar_strategy.Default):
    @cached_property
    def approved_partner_ids(self) -> frozenset[int]:
        """One query per strategy (per request), whatever the number of lines or cooperatives."""
        return frozenset(Partner.objects.approved().values_list("pk", flat=True))

    def is_sold_by_approved(self, stockrecord: StockRecord) -> bool:
        partner = stockrecord._state.fields_cache.get("partner")  # already loaded (product lists)?
        if partner is not None:
            return bool(partner.is_approved)
        return stockrecord.partner_id in self.approved_partner_ids

    @cached_property
    def preorder_offers(self) -> dict[int, Any]:
        """Current pre-order offers by product (one query per strategy, when first needed)."""
        from marketplace.preorders.selectors import current_offers_cached

        return current_offers_cached()

    def availability_policy(self, product: Product, stockrecord: StockRecord | None) -> Any:
        if stockrecord is not None and not self.is_sold_by_approved(stockrecord):
            return NotOnSale(product)
        if not is_on_sale(product.parent if product.is_child else product):
            return NotOnSale(product)
        offer = self.preorder_offers.get(product.pk)
        if offer is not None:  # sold as a pre-order while its offer is current, whatever the stock
            from marketplace.preorders.availability import preorder_availability

            return preorder_availability(offer)
        policy = super().availability_policy(product, stockrecord)
        if isinstance(policy, availability.Unavailable):
            return policy
        return MinimumQuantity(policy, product, self.basket_prices)

    @cached_property
    def basket_prices(self) -> BasketPrices:
        return BasketPrices()

    def fetch_for_line(self, line: Any, stockrecord: StockRecord | None = None) -> Any:
        """Oscar's purchase info for the line's product, priced for the line's quantity."""
        info = super().fetch_for_line(line, stockrecord)
        price = line_price(self.basket_prices, line, info.price)
        return info if price is info.price else info._replace(price=price)


class Selector:
    def strategy(
        self, request: HttpRequest | None = None, user: AbstractBaseUser | None = None, **kwargs: Any
    ) -> ApprovedSellersOnly:
        return ApprovedSellersOnly(request)
