"""The one interface every payment method implements.

A method never touches Oscar's views: it gets an order number and an amount and
returns what happened, and the checkout records it.
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

    def is_configured(self) -> bool:
        return True

    def take_payment(self, *, order_number: str, amount: Decimal, currency: str) -> PaymentOutcome:
        raise NotImplementedError
