"""The basket page: Oscar's, without the offer hints our basket template never shows. Adding to
the basket: Oscar's view, reading the product, its stock records and the basket's lines once."""

from typing import TYPE_CHECKING

from django.contrib import messages
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from oscar.core.loading import get_class

from marketplace.catalogue.selectors import to_buy
from marketplace.core.offers import offers_running
from marketplace.wholesale.forms import MinimumQuantityLineForm
from marketplace.wholesale.pricing import line_warning

from .selectors import basket_lines_after_add, basket_lines_known, basket_lines_prefetch

if TYPE_CHECKING:  # Oscar ships no types: the classes are Any to the type checker
    from oscar.apps.basket.utils import BasketMessageGenerator
    from oscar.apps.basket.views import BasketAddView as OscarBasketAddView
    from oscar.apps.basket.views import BasketView as OscarBasketView
else:
    OscarBasketView, OscarBasketAddView = (
        get_class("basket.views", "BasketView"),
        get_class("basket.views", "BasketAddView"),
    )
    BasketMessageGenerator = get_class("basket.utils", "BasketMessageGenerator")


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


class BasketAddView(OscarBasketAddView):
    """Oscar's add-to-basket, with the same checks and messages, at a fixed cost whatever the
    number of lines: the product comes with its stock records and cooperatives (the strategy's
    price, stock and "on sale" checks read them, instead of reading them again four times), the
    basket's lines with theirs; the lines are not read again for the new total. Oscar's "offer
    gained / lost" messages, which apply every offer before and after, are left to Oscar's own
    path, taken only while some offer could apply (`marketplace/core/offers.py`)."""

    def post(self, request, *args, **kwargs):
        self.product = get_object_or_404(to_buy(), pk=kwargs["pk"])
        return super(OscarBasketAddView, self).post(request, *args, **kwargs)

    def get_form_kwargs(self):
        if self.request.basket.id:
            basket_lines_prefetch(self.request.basket)  # the form counts them, the total prices them
        return super().get_form_kwargs()

    def form_valid(self, form):
        if offers_running(self.request):
            return super().form_valid(form)
        basket = self.request.basket
        if basket.id is None:
            basket.save()  # as Oscar's `add_product` would; a new basket has no lines to read
            basket_lines_known(basket, [])
        lines = list(basket.all_lines())
        options = form.cleaned_options() if form.parent_product.has_options else []
        quantity = form.cleaned_data["quantity"]
        self.line, self.line_created = basket.add_product(form.product, quantity, options)
        basket_lines_after_add(basket, lines, self.line, self.line_created)
        messages.success(self.request, self.get_success_message(form), extra_tags="safe noicon")
        for level, message in BasketMessageGenerator().get_new_total_messages(basket):
            messages.add_message(self.request, level, message, extra_tags="safe noicon")
        self.add_signal.send(sender=self, product=form.product, user=self.request.user, request=self.request)
        return HttpResponseRedirect(self.get_success_url())
