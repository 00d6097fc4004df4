"""The deposit of a cancelled pre-order goes back to the buyer. Called by the order's cancellation
(every path: the buyer, the cooperative, a timer), inside its transaction: the refund is a
`payments.Refund` row (`requested`), shown to the buyer with the order's other refunds; the
cooperative transfers it back and marks it (`pending`). The deposit went straight to the
cooperative's own account and never entered the ledger, so its refund does not either."""

from __future__ import annotations

from typing import Any

from payments.models import Refund, RefundReason, RefundStatus
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
