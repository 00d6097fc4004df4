"""The basket page: Oscar's, without the offer hints our basket template never shows."""

from typing import TYPE_CHECKING

from oscar.core.loading import get_class

from marketplace.wholesale.forms import MinimumQuantityLineForm
from marketplace.wholesale.pricing import line_warning

if TYPE_CHECKING:  # Oscar ships no types: the class is Any to the type checker
    from oscar.apps.basket.views import BasketView as OscarBasketView
else:
    OscarBasketView = get_class("basket.views", "BasketView")


class BasketView(OscarBasketView):
    form_class = MinimumQuantityLineForm  # a wholesale-only product's minimum, in words

    def get_upsell_messages(self, basket):
        """Oscar asks the database for every offer a second time (the basket middleware already
        applied them) to build "spend more to get…" hints; the floor runs no such offers and the
        basket template shows none."""
        return []

    def get_basket_warnings(self, basket):
        """Oscar's warnings, without "the price changed" for a line priced by a tier or a quote."""
        return [warning for line in basket.all_lines() if (warning := line_warning(line))]
