"""The ledger's one way to write: balanced transactions, once per key, and the accounts they use.
Every other ledger module (the life cycle, withholding, payouts) posts through here."""

from __future__ import annotations

from datetime import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone

from .models import Account, AccountKind, Entry, Transaction

K = AccountKind


def account(kind: str, partner_id: int | None = None) -> Account:
    # partner_id=None is the platform's account (IS NULL); django-stubs types the nullable foreign
    # key's id lookup as "str | int", hence the two ignores below.
    found = Account.objects.filter(kind=kind, partner_id=partner_id).first()  # type: ignore[misc]
    if found:
        return found
    try:
        with transaction.atomic():
            return Account.objects.create(kind=kind, partner_id=partner_id)
    except IntegrityError:
        return Account.objects.get(kind=kind, partner_id=partner_id)  # type: ignore[misc]


def transaction_post(
    *,
    key: str,
    kind: str,
    lines: list[tuple[Account, int]],
    partner_id: int | None = None,
    suborder_id: int | None = None,
    payout_id: int | None = None,
    memo: str = "",
    occurred_at: datetime | None = None,
) -> Transaction | None:
    """Write one balanced transaction, once per `key` (None if it was written before). Lines of
    zero are left out; a transaction may have no lines (a 0% commission is still recorded)."""
    lines = [(acc, int(amount)) for acc, amount in lines if int(amount)]
    if sum(amount for __, amount in lines) != 0:
        raise ValueError(f"Unbalanced ledger transaction {key}: {lines}")
    if Transaction.objects.filter(key=key).exists():
        return None
    occurred_at = occurred_at or timezone.now()
    try:
        with transaction.atomic():
            posted = Transaction.objects.create(
                key=key,
                kind=kind,
                partner_id=partner_id,
                suborder_id=suborder_id,
                payout_id=payout_id,
                memo=memo[:255],
                occurred_at=occurred_at,
            )
            Entry.objects.bulk_create(
                Entry(transaction=posted, account=acc, amount=amount, kind=kind, occurred_at=occurred_at)
                for acc, amount in lines
            )
    except IntegrityError:
        return None
    return posted


def to_cooperative(suborder, kind: str, key: str, source: Account, amount: int, **extra):
    """`amount` moves from `source` (debited) to what the alliance owes the cooperative (credited)."""
    coop = account(K.COOPERATIVE, suborder.partner_id)
    return transaction_post(
        key=key,
        kind=kind,
        lines=[(source, amount), (coop, -amount)],
        partner_id=suborder.partner_id,
        suborder_id=suborder.pk,
        **extra,
    )
