"""Refunds the cooperative pays back by bank transfer (VietQR and cash-on-delivery orders): each
change of status is a new append-only `Refund` row. Below the payment methods' interface, which
records them through here."""

from __future__ import annotations

from marketplace.ledger import services as ledger
from marketplace.order.models import SubOrder

from . import selectors
from .models import Refund, RefundReason, RefundStatus


def transfer_refund_record(*, suborder: SubOrder, amount: int, key: str, received: bool) -> Refund | None:
    """A refund paid by bank transfer from the cooperative (VietQR and cash-on-delivery orders): a new
    row when its status changes (`pending`: the cooperative sent it; `succeeded`: the buyer got it)."""
    status = RefundStatus.SUCCEEDED if received else RefundStatus.PENDING
    latest = selectors.refund_latest(key)
    if latest is not None and latest.status == status:
        return None
    refund = Refund.objects.create(
        key=key,
        order_id=suborder.order_id,
        suborder=suborder,
        amount=amount,
        status=status,
        reason=RefundReason.RETURNED,
    )
    if received:
        ledger.transfer_refund_received(refund)
    return refund
