"""Shipping for a basket from several cooperatives: each cooperative's own options.

Unserved addresses are refused by the checkout (see marketplace/checkout/views.py), not here, so
that the basket page can always show an estimate."""

from oscar.apps.shipping import repository

from marketplace.delivery.selectors import SESSION_KEY, basket_groups, basket_lines_prefetch

from .methods import PerCooperative


class Repository(repository.Repository):
    def get_shipping_methods(self, basket, shipping_addr=None, **kwargs):
        basket_lines_prefetch(basket)  # is_shipping_required() reads every line's product class
        return super().get_shipping_methods(basket, shipping_addr=shipping_addr, **kwargs)

    def get_available_shipping_methods(self, basket, shipping_addr=None, request=None, **kwargs):
        province = getattr(shipping_addr, "state", None) or None
        choices = request.session.get(SESSION_KEY, {}) if request is not None else {}
        return [PerCooperative(basket_groups(basket, province=province, choices=choices))]
