"""One shipping method for the whole order: the sum of each cooperative's chosen option."""

from decimal import Decimal

from django.utils.translation import gettext_lazy as _
from oscar.apps.shipping.methods import *  # noqa: F403
from oscar.apps.shipping.methods import Base
from oscar.core import prices


class PerCooperative(Base):
    code = "theo-htx"
    name = _("Giao hàng theo từng hợp tác xã")

    def __init__(self, groups):
        self.groups = groups

    def calculate(self, basket):
        total = sum((group.shipping_fee for group in self.groups), Decimal("0"))
        return prices.Price(currency=basket.currency, excl_tax=total, incl_tax=total, tax_code="")
