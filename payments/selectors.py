"""Payment reads: what an order still owes by card, its refunds as the buyer sees them, its flags."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Exists, OuterRef, QuerySet
from django.utils.translation import gettext as _

from marketplace.order.models import Order, PaymentStatus, SubOrder, SubOrderStatus
from marketplace.preorders.models import DepositReceipt
from marketplace.preorders.selectors import card_amounts

from .models import PaymentFlag, Refund, StripePayment

CARD = "stripe"


@dataclass
class CardDue:
    """The card sub-orders an order still has to pay, what the card pays for each (`card_amount`:
    the total, or a pre-order's deposit), and why there is nothing to pay otherwise."""

    suborders: list[SubOrder] = field(default_factory=list)
    reason: str = ""
    amounts: dict[int, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.suborders and not self.amounts:
            self.amounts = card_amounts(self.suborders)

    @property
    def amount(self) -> int:
        return sum(self.amounts[suborder.pk] for suborder in self.suborders)

    @property
    def rows(self) -> list[tuple[SubOrder, int, bool]]:
        """(sub-order, what the card pays for it, whether that is a pre-order's deposit)."""
        return [
            (suborder, self.amounts[suborder.pk], self.amounts[suborder.pk] != int(suborder.total))
            for suborder in self.suborders
        ]


def card_amount(suborder: SubOrder) -> int:
    """What a card payment charges for this sub-order (`preorders.selectors.card_amounts`)."""
    return card_amounts([suborder])[suborder.pk]


def card_suborders_payable(*, order_id: int) -> QuerySet[SubOrder]:
    """Open card sub-orders not paid yet (a pre-order whose card deposit is paid owes only cash on
    delivery): exactly what a card payment of this order covers."""
    return (
        SubOrder.objects.filter(order_id=order_id, payment_method=CARD, payment_status=PaymentStatus.PENDING)
        .exclude(status=SubOrderStatus.CANCELLED)
        .exclude(
            Exists(DepositReceipt.objects.filter(suborder_id=OuterRef("pk")))
        )  # no join: rows get locked
        .select_related("partner")
        .order_by("pk")
    )


def card_due(order: Order) -> CardDue:
    suborders = list(card_suborders_payable(order_id=order.pk))
    if suborders:
        return CardDue(suborders)
    card = SubOrder.objects.filter(order_id=order.pk, payment_method=CARD)
    if not card.exists():
        reason = _(
            "Đơn hàng %(number)s không chọn thanh toán bằng thẻ, nên không cần thanh toán ở đây. "
            "Cách thanh toán của từng hợp tác xã có trong trang đơn hàng."
        )
    elif not card.exclude(status=SubOrderStatus.CANCELLED).exists():
        reason = _("Đơn hàng %(number)s đã bị huỷ nên không cần thanh toán.")
    else:
        reason = _("Đơn hàng %(number)s đã được thanh toán. Cảm ơn bạn!")
    return CardDue(reason=reason % {"number": order.number})


def stripe_payment_current(order: Order) -> StripePayment | None:
    return StripePayment.objects.filter(order=order).order_by("-pk").first()


def stripe_payment_paying(suborder: SubOrder) -> StripePayment | None:
    """The succeeded intent that paid this sub-order (the first, if it was paid twice)."""
    return (
        StripePayment.objects.filter(suborders=suborder, status="succeeded")
        .order_by("succeeded_at", "pk")
        .first()
    )


@dataclass(frozen=True)
class RefundState:
    """One refund as its newest row says."""

    key: str
    suborder: SubOrder | None
    amount: int
    status: str
    status_label: str
    stripe_refund_id: str
    requested_at: object
    updated_at: object
    by_card: bool = True  # False: a bank transfer from the cooperative (a return of a VietQR/COD order)


def refunds_of_order(order: Order) -> list[RefundState]:
    """The order's refunds, oldest first, each in its latest state."""
    rows = Refund.objects.filter(order=order).select_related("suborder").order_by("created_at", "pk")
    first: dict[str, Refund] = {}
    latest: dict[str, Refund] = {}
    stripe_ids: dict[str, str] = {}
    for row in rows:
        first.setdefault(row.key, row)
        latest[row.key] = row
        if row.stripe_refund_id:
            stripe_ids[row.key] = row.stripe_refund_id
    return [
        RefundState(
            key=key,
            suborder=row.suborder,
            amount=row.amount,
            status=row.status,
            status_label=row.get_status_display(),
            stripe_refund_id=stripe_ids.get(key, ""),
            requested_at=first[key].created_at,
            updated_at=row.created_at,
            by_card=row.payment_id is not None,
        )
        for key, row in latest.items()
    ]


def refund_latest(key: str) -> Refund | None:
    return Refund.objects.filter(key=key).order_by("-created_at", "-pk").first()


def payment_flags(order: Order) -> list[PaymentFlag]:
    return list(PaymentFlag.objects.filter(order=order))
