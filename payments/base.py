"""The one interface every payment method implements.

A method never touches Oscar's views: it gets an order number and an amount and
returns what happened, and the checkout records it. A method is offered only when it is
configured (`is_configured`) and can pay every cooperative in the basket (`is_available_for`).

After placing, the order side knows a method only through this interface (found by its code with
`registry.method_for`): what the buyer must do to pay each sub-order (`instructions`, with the
files an email attaches), what follows the placing (`order_placed`: payment timers), and what a
cancellation means for money already paid (`cancelled_after_payment`: a refund, or nothing),
and how a return is refunded (`refunds_by_transfer`, `return_refund_request`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import TYPE_CHECKING

from marketplace.order.models import Order, PaymentStatus, SubOrder, SubOrderStatus

from .transfer_refunds import transfer_refund_record

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

#: A file attached to an email: (file name, content, MIME type).
Attachment = tuple[str, bytes, str]


class PaymentDeclined(Exception):
    """The payment was refused; the message is safe to show to the buyer."""


@dataclass(frozen=True)
class PaymentOutcome:
    source_type: str
    amount_allocated: Decimal
    amount_debited: Decimal = Decimal("0")
    reference: str = ""


@dataclass(frozen=True)
class BankDetails:
    bank_name: str
    account_number: str
    account_name: str


@dataclass
class SubOrderPayment:
    """What the buyer must do to pay one sub-order. Nothing for most methods; a transfer method
    fills in the account, the QR payload, the transfer note and the deadline."""

    suborder: SubOrder
    account: BankDetails | None = None
    payload: str = ""
    note: str = ""
    #: When an unpaid transfer cancels the sub-order (the transfer's cancel timer's due time).
    deadline: datetime | None = None

    @property
    def qr_data_uri(self) -> str:
        return ""

    @property
    def is_paid(self) -> bool:
        return self.suborder.payment_status == PaymentStatus.PAID

    @property
    def awaits_transfer(self) -> bool:
        """The buyer still has to transfer: show the QR, the details and the deadline."""
        return bool(self.payload) and (
            self.suborder.payment_status == PaymentStatus.PENDING
            and self.suborder.status != SubOrderStatus.CANCELLED
        )

    def image(self, fmt: str) -> tuple[bytes, str] | None:
        """The code to scan as a file (`png` or `svg`) and its MIME type; None if there is none."""
        return None

    def email_attachments(self) -> list[Attachment]:
        return []


class PaymentMethod:
    code: str = ""
    label: StrOrPromise = ""
    description: StrOrPromise = ""
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

    def next_url(self, order: Order) -> str | None:
        """Where the buyer goes after placing the order (None: the thank-you page)."""
        return None

    def instructions(self, suborders: Sequence[SubOrder]) -> list[SubOrderPayment]:
        """What the buyer must do to pay each of these sub-orders (all paid with this method), in
        their order, in a fixed number of queries."""
        return [SubOrderPayment(suborder=suborder) for suborder in suborders]

    def order_placed(self, *, order: Order, suborders: Sequence[SubOrder]) -> None:
        """Inside the placing transaction: the outbox records this method needs (payment timers)."""

    def cancelled_after_payment(self, suborder: SubOrder) -> None:
        """Inside the cancelling transaction of a sub-order already paid with this method: ask for
        the money back if the platform holds it (the refund's records commit with the cancel)."""

    #: How a return is refunded: True when the money went to the cooperative (COD, VietQR), which
    #: transfers it back to an account the buyer gives; False when the platform holds it and
    #: refunds it itself (`return_refund_request`).
    refunds_by_transfer: bool = True

    def return_refund_request(self, *, suborder: SubOrder, amount: int, key: str) -> bool:
        """Inside the transaction of a return step: ask for `amount` (whole đồng) of this sub-order
        back, once per `key`, if the platform holds the money (its records commit with the step).
        False when the cooperative transfers the refund itself."""
        return False

    def return_transfer_record(self, *, suborder: SubOrder, amount: int, key: str, received: bool) -> None:
        """Inside the transaction of a return step: the cooperative transferred a refund (`received`
        False) or the buyer confirmed it arrived (True), as a new append-only refund row."""
        transfer_refund_record(suborder=suborder, amount=amount, key=key, received=received)
