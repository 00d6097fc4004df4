"""The one interface every payment method implements.

A method never touches Oscar's views: it gets an order number and an amount and
returns what happened, and the checkout records it. A method is offered only when it is
configured (`is_configured`) and can pay every cooperative in the basket (`is_available_for`).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal


class PaymentDeclined(Exception):
    """The payment was refused; the message is safe to show to the buyer."""


@dataclass(frozen=True)
class PaymentOutcome:
    source_type: str
    amount_allocated: Decimal
    amount_debited: Decimal = Decimal("0")
    reference: str = ""


class PaymentMethod:
    code: str = ""
    label: str = ""
    description: str = ""
    #: True when the money goes to each cooperative (COD, VietQR); False for one payment of the
    #: whole order to the platform (Stripe).
    per_cooperative: bool = True

    def is_configured(self) -> bool:
        return True

    def is_available_for(self, partner_ids: list[int]) -> bool:
        return True

    def unavailable_reason(self, partner_ids: list[int]) -> str:
        """Why the method cannot pay these cooperatives, in the buyer's words ("" if it can)."""
        return ""

    def take_payment(self, *, order_number: str, amount: Decimal, currency: str) -> PaymentOutcome:
        raise NotImplementedError

    def next_url(self, order) -> str | None:
        """Where the buyer goes after placing the order (None: the thank-you page)."""
        return None
