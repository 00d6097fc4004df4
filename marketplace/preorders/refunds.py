"""The deposit of a cancelled pre-order goes back to the buyer. Called by the order's cancellation
(every path: the buyer, the cooperative, a timer), inside its transaction.

A deposit paid by card is refunded like any card payment, by the card method
(`cancelled_after_payment`: the `requested` refund row and its outbox record, sent to Stripe).
A deposit transferred to the cooperative becomes a `payments.Refund` row (`requested`), shown to
the buyer with the order's other refunds; the cooperative transfers it back and marks it
(`pending`). A deposit never entered the ledger (the sale is posted on delivery), so neither does
its refund."""

from __future__ import annotations

from typing import Any

from payments.models import Refund, RefundReason, RefundStatus
from payments.registry import method_for
from payments.selectors import refund_latest

from .models import DepositReceipt


def deposit_refund_key(suborder: Any) -> str:
    return f"chohtx-deposit-{suborder.number}"


def deposit_refund_after_cancel(suborder: Any) -> Refund | None:
    from .selectors import current_offers_forget

    current_offers_forget()  # a cancelled pre-order frees its units
    receipt = DepositReceipt.objects.filter(suborder_id=suborder.pk).first()
    if receipt is None:
        return None
    method = method_for(suborder.payment_method)
    if not method.refunds_by_transfer:  # the platform holds it (card): refunded through Stripe
        method.cancelled_after_payment(suborder)
        return None
    key = deposit_refund_key(suborder)
    if refund_latest(key) is not None:
        return None
    return Refund.objects.create(
        key=key,
        order_id=suborder.order_id,
        suborder_id=suborder.pk,
        amount=receipt.amount,
        status=RefundStatus.REQUESTED,
        reason=RefundReason.CANCELLED,
    )
