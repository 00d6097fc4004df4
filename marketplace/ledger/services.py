"""Ledger writes. Every money event is one balanced transaction (its entries sum to zero), written
once per key, in the transaction of the state change that causes it. The order life cycle calls
one function per event: `suborder_placed`, `suborder_paid`, `suborder_cancelled`,
`refund_accepted`; payouts and statements have their own modules (`payouts.py`, `statements.py`).
Sign: an entry's amount > 0 is a debit, < 0 a credit; a cooperative's account is credit-normal, so
its balance (what the alliance owes it) is minus the sum of its entries."""

from __future__ import annotations

from datetime import datetime

from django.utils import timezone

from . import commission, withholding
from .models import AccountKind, EntryKind, SubOrderCommission, Transaction
from .posting import account, to_cooperative

CARD = "stripe"
DIRECT_METHODS = ("cod", "vietqr")  # paid straight to the cooperative
K = AccountKind


# --- The order life cycle -----------------------------------------------------------------------
def suborder_placed(suborder) -> SubOrderCommission:
    """Record the commission rate in force now (once): later rule changes never touch it."""
    found = SubOrderCommission.objects.filter(suborder=suborder).first()
    if found:
        return found
    rule, rate_bp = commission.rate_for(suborder)
    return SubOrderCommission.objects.create(
        suborder=suborder, rate_bp=rate_bp, rule=rule, rule_text=str(rule) if rule else ""
    )


def suborder_paid(suborder, *, occurred_at: datetime | None = None, by_card: int | None = None) -> None:
    """The sale happened: cash collected on delivery, the VietQR transfer received, or the card
    paid. Writes the sale, the shipping charged, (for direct methods) the money the cooperative
    kept, the commission and (card, household sellers) the tax withheld. `by_card`: a card
    pre-order delivered, of whose total only that much (its deposit) reached the platform by card;
    the cooperative kept the rest, collected in cash."""
    when = occurred_at or suborder.paid_at or timezone.now()
    goods, shipping = int(suborder.lines_total), int(suborder.shipping_charge)
    card = suborder.payment_method == CARD
    source = account(K.CARD_CASH if card else K.DIRECT)
    number = suborder.number
    to_cooperative(suborder, EntryKind.SALE, f"sale:{suborder.pk}", source, goods, occurred_at=when)
    to_cooperative(
        suborder, EntryKind.SHIPPING, f"shipping:{suborder.pk}", source, shipping, occurred_at=when
    )
    if card and by_card is not None and goods + shipping > by_card:  # the rest, in the cooperative's hands
        to_cooperative(
            suborder,
            EntryKind.COLLECTED,
            f"collected:{suborder.pk}",
            source,
            -(goods + shipping - by_card),
            occurred_at=when,
            memo=number,
        )
    if not card:  # the buyer paid the cooperative itself: it already holds the money
        to_cooperative(
            suborder,
            EntryKind.COLLECTED,
            f"collected:{suborder.pk}",
            source,
            -(goods + shipping),
            occurred_at=when,
            memo=number,
        )
    rate = suborder_placed(suborder).rate_bp
    fee = commission.amount(goods, rate)
    to_cooperative(
        suborder,
        EntryKind.COMMISSION,
        f"commission:{suborder.pk}",
        account(K.COMMISSION),
        -fee,
        occurred_at=when,
        memo=f"{rate / 100:g}%",
    )
    if card:
        withholding.withhold(suborder, occurred_at=when)


def suborder_cancelled(suborder, *, occurred_at: datetime | None = None) -> None:
    """A sub-order paid straight to the cooperative was cancelled after payment: the cooperative
    gives the money back itself, so its sale, shipping and commission are reversed. (A card
    sub-order is reversed when its refund is accepted: `refund_accepted`.)"""
    if suborder.payment_method == CARD:
        return
    sale = Transaction.objects.filter(key=f"sale:{suborder.pk}").first()
    if sale is None:
        return
    _reverse(suborder, prefix="cancel", occurred_at=occurred_at or timezone.now(), share=(1, 1))


def refund_accepted(refund) -> None:
    """Stripe accepted a card refund (a `pending` or `succeeded` refund row): the buyer's money
    leaves the platform's Stripe balance; commission and tax withheld are given back in
    proportion. A refund of a second payment (paid twice) was never the cooperative's money."""
    suborder = refund.suborder
    if suborder is None or refund.reason == "paid_twice":
        return
    total, previous, amount = _refundable(suborder, refund)
    if amount <= 0:
        return
    when = timezone.now()
    posted = to_cooperative(
        suborder,
        EntryKind.REFUND,
        f"refund:{refund.key}",
        account(K.CARD_CASH),
        -amount,
        occurred_at=when,
        memo=refund.stripe_refund_id or refund.key,
    )
    if posted is None:
        return
    _reverse(suborder, prefix=f"refund:{refund.key}", occurred_at=when, share=(previous + amount, total))


def transfer_refund_received(refund) -> None:
    """The buyer confirmed a refund the cooperative transferred back (cash on delivery or VietQR,
    after a return): the cooperative sold that much less and no longer holds that money, so its
    balance does not move for the refund itself, while the commission on the refunded share is
    given back to it. Written once per refund key."""
    suborder = refund.suborder
    if suborder is None or suborder.payment_method == CARD:
        return
    total, previous, amount = _refundable(suborder, refund)
    if amount <= 0:
        return
    when = timezone.now()
    posted = to_cooperative(
        suborder,
        EntryKind.REFUND,
        f"refund:{refund.key}",
        account(K.DIRECT),
        -amount,
        occurred_at=when,
        memo=refund.key,
    )
    if posted is None:
        return
    to_cooperative(
        suborder,
        EntryKind.COLLECTED,
        f"refund-paid-back:{refund.key}",
        account(K.DIRECT),
        amount,
        occurred_at=when,
        memo=refund.key,
    )
    _commission_give_back(
        suborder, prefix=f"refund:{refund.key}", occurred_at=when, share=(previous + amount, total)
    )


def _commission_give_back(suborder, *, prefix: str, occurred_at: datetime, share: tuple[int, int]) -> None:
    from .selectors import suborder_kind_total

    done, total = share
    charged = -suborder_kind_total(suborder, EntryKind.COMMISSION)
    given_back = suborder_kind_total(suborder, EntryKind.COMMISSION_REVERSAL)
    due = charged * done // total if total else charged
    if due - given_back > 0:
        to_cooperative(
            suborder,
            EntryKind.COMMISSION_REVERSAL,
            f"{prefix}:{EntryKind.COMMISSION_REVERSAL}:{suborder.pk}",
            account(K.COMMISSION),
            due - given_back,
            occurred_at=occurred_at,
        )


def _refundable(suborder, refund) -> tuple[int, int, int]:
    """(sub-order total, refunded before, what this refund adds): nothing before the sale is
    recorded, and never more than the sub-order's total in all."""
    if not Transaction.objects.filter(key=f"sale:{suborder.pk}").exists():
        return 0, 0, 0
    total = int(suborder.total)
    previous = _refunded(suborder)
    return total, previous, min(int(refund.amount), total - previous)


def _refunded(suborder) -> int:
    from .selectors import suborder_kind_total

    return -suborder_kind_total(suborder, EntryKind.REFUND)


def _reverse(suborder, *, prefix: str, occurred_at: datetime, share: tuple[int, int]) -> None:
    """Give back commission and withholding up to `share` (refunded so far / total) of what was
    charged, less what was already given back; for direct methods also reverse the sale."""
    from .selectors import suborder_kind_total

    done, total = share
    if suborder.payment_method != CARD:
        for kind in (EntryKind.SALE, EntryKind.SHIPPING, EntryKind.COLLECTED):
            owed = suborder_kind_total(suborder, kind)
            if owed:
                to_cooperative(
                    suborder,
                    EntryKind.CORRECTION,
                    f"{prefix}:{kind}:{suborder.pk}",
                    account(K.DIRECT),
                    -owed,
                    occurred_at=occurred_at,
                    memo=f"{suborder.number}: {EntryKind(kind).label}",
                )
    _commission_give_back(suborder, prefix=prefix, occurred_at=occurred_at, share=share)
    charged = -suborder_kind_total(suborder, EntryKind.WITHHOLDING)
    given_back = suborder_kind_total(suborder, EntryKind.WITHHOLDING_REVERSAL)
    due = charged * done // total if total else charged
    if due - given_back > 0:
        withholding.offset(
            suborder,
            amount=due - given_back,
            key=f"{prefix}:{EntryKind.WITHHOLDING_REVERSAL}",
            when=occurred_at,
        )
