"""Oscar's basket middleware, applying offers to the loaded basket only while some offer could
apply (`marketplace/core/offers.py`): without any, applying them reads the basket's vouchers and
the site's offers and changes nothing."""

from typing import TYPE_CHECKING

from oscar.core.loading import get_class

from .offers import offers_running

if TYPE_CHECKING:  # Oscar ships no types: the class is Any to the type checker
    from oscar.apps.basket.middleware import BasketMiddleware as OscarBasketMiddleware
else:
    OscarBasketMiddleware = get_class("basket.middleware", "BasketMiddleware")


class BasketMiddleware(OscarBasketMiddleware):
    def apply_offers_to_basket(self, request, basket):
        if offers_running(request):
            super().apply_offers_to_basket(request, basket)
