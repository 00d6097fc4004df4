"""Oscar's pricing/availability strategy: Oscar's default, except that a product sold by a
cooperative that is not approved (applied, rejected, suspended) cannot be bought, even by its URL
or from a basket filled before the suspension. Orders already placed are not touched."""

from functools import cached_property

from oscar.apps.partner import availability
from oscar.apps.partner import strategy as oscar_strategy

from .models import Partner, Status


class ApprovedSellersOnly(oscar_strategy.Default):
    @cached_property
    def approved_partner_ids(self) -> frozenset[int]:
        """One query per strategy (per request), whatever the number of lines or cooperatives."""
        return frozenset(Partner.objects.filter(status=Status.APPROVED).values_list("pk", flat=True))

    def is_sold_by_approved(self, stockrecord) -> bool:
        partner = stockrecord._state.fields_cache.get("partner")  # already loaded (product lists)?
        if partner is not None:
            return partner.status == Status.APPROVED
        return stockrecord.partner_id in self.approved_partner_ids

    def availability_policy(self, product, stockrecord):
        if stockrecord is not None and not self.is_sold_by_approved(stockrecord):
            return availability.Unavailable()
        return super().availability_policy(product, stockrecord)


class Selector:
    def strategy(self, request=None, user=None, **kwargs):
        return ApprovedSellersOnly(request)
