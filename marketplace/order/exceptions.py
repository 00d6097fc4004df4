from __future__ import annotations

from typing import TYPE_CHECKING

from oscar.apps.order.exceptions import *  # noqa: F403
from oscar.apps.order.exceptions import UnableToPlaceOrder as UnableToPlaceOrder

if TYPE_CHECKING:
    from .models import Order


class OutOfStock(UnableToPlaceOrder):
    """Someone else bought the last units first; the message is shown to the buyer."""


class SubOrderActionRefused(Exception):
    """A sub-order step that is not allowed now; the message is shown to the user."""


class AlreadyPlaced(Exception):
    """This basket was already turned into an order (the buyer pressed twice)."""

    def __init__(self, order: Order) -> None:
        super().__init__(order.number)
        self.order = order
