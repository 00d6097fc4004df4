"""What the basket strategy answers for a product with a current pre-order offer: buyable up to what
is left of the cap while the window is open (stock is not looked at), not buyable before or after."""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from oscar.apps.partner import availability

from . import selectors, text
from .models import PreorderOffer


class PreorderOpen(availability.Base):
    code = "preorder"

    def __init__(self, offer: PreorderOffer) -> None:
        self.offer = offer
        self.left = selectors.remaining(offer)

    @property
    def is_available_to_buy(self) -> bool:
        return self.left > 0

    @property
    def num_available(self) -> int:
        return self.left

    @property
    def message(self) -> str:
        return text.offer_summary(self.offer)

    @property
    def short_message(self) -> str:
        return _("Đặt trước")

    def is_purchase_permitted(self, quantity: int) -> tuple[bool, str]:
        if quantity <= self.left:
            return True, ""
        if self.left <= 0:
            return False, _("Đợt đặt trước “%(title)s” đã đủ số suất.") % {
                "title": self.offer.product.get_title()
            }
        return False, ngettext(
            "Chỉ còn %(n)s suất đặt trước.", "Chỉ còn %(n)s suất đặt trước.", self.left
        ) % {"n": self.left}


class PreorderNotOpen(availability.Unavailable):
    """Before the window ("Mở đặt trước từ …") or after it ("Đã hết hạn đặt trước")."""

    code = "preorder-closed"

    def __init__(self, offer: PreorderOffer, state: str) -> None:
        self.offer = offer
        self.state = state

    @property
    def message(self) -> str:
        if self.state == selectors.UPCOMING:
            return _("Mở đặt trước từ ngày %(day)s.") % {"day": text.day(self.offer.order_from)}
        return _("Đã hết hạn đặt trước (nhận đặt đến hết %(day)s).") % {
            "day": text.day(self.offer.order_until)
        }

    def is_purchase_permitted(self, quantity: int) -> tuple[bool, str]:
        return False, self.message


def preorder_availability(offer: PreorderOffer) -> availability.Base:
    state = selectors.state(offer)
    if state == selectors.OPEN:
        return PreorderOpen(offer)
    return PreorderNotOpen(offer, state)
