"""Payouts: alliance staff pick cooperatives the alliance owes, export one bulk-transfer file for
the bank, then mark the batch paid (the payouts enter the ledger and each cooperative is emailed)."""

from __future__ import annotations

from anyascii import anyascii
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from marketplace.outbox.services import outbox_add
from marketplace.partner.models import Partner

from . import selectors
from .models import AccountKind, EntryKind, Payout, PayoutBatch
from .services import account, transaction_post


class PayoutRefused(ValueError):
    pass


def transfer_note(batch: PayoutBatch, partner: Partner) -> str:
    """What the cooperative reads on its bank statement: plain ASCII (banks drop accents), short."""
    name = anyascii(partner.short_name or partner.name).upper()
    return f"CHO HTX THANH TOAN DOT {batch.pk} {name}"[:140]


def payout_batch_create(*, partner_ids, user=None) -> PayoutBatch:
    """One payout per chosen cooperative, for what the alliance owes it now. Refused for a
    cooperative without a bank account, one owed nothing, or one already in an unpaid batch."""
    partner_ids = sorted({int(pk) for pk in partner_ids})
    if not partner_ids:
        raise PayoutRefused(_("Hãy chọn ít nhất một hợp tác xã."))
    with transaction.atomic():
        partners = list(Partner.objects.select_for_update().filter(pk__in=partner_ids).order_by("pk"))
        busy = set(
            Payout.objects.filter(partner_id__in=partner_ids, batch__paid_at__isnull=True).values_list(
                "partner_id", flat=True
            )
        )
        batch = PayoutBatch.objects.create(created_by=user)
        for partner in partners:
            owed = selectors.balance(partner)
            if partner.pk in busy:
                raise PayoutRefused(
                    _("%(name)s đang nằm trong một đợt chi trả chưa xong.") % {"name": partner.name}
                )
            if owed <= 0:
                raise PayoutRefused(_("Liên minh không nợ %(name)s đồng nào.") % {"name": partner.name})
            if not (partner.bank_bin and partner.bank_account_number and partner.bank_account_holder):
                raise PayoutRefused(_("%(name)s chưa khai báo tài khoản ngân hàng.") % {"name": partner.name})
            Payout.objects.create(
                batch=batch,
                partner=partner,
                amount=owed,
                bank_bin=partner.bank_bin,
                account_number=partner.bank_account_number,
                account_holder=partner.bank_account_holder,
                note=transfer_note(batch, partner),
            )
    return batch


def payout_batch_mark_paid(*, batch_id: int, user=None, paid_at=None) -> int:
    """The bank made the transfers: each payout enters the ledger (the alliance owes that much
    less) and its cooperative is emailed. Once per batch; returns the payouts recorded now."""
    with transaction.atomic():
        batch = PayoutBatch.objects.select_for_update().get(pk=batch_id)
        if batch.paid_at is not None:
            return 0
        when = paid_at or timezone.now()
        bank = account(AccountKind.BANK)
        recorded = 0
        for payout in batch.payouts.order_by("pk"):
            posted = transaction_post(
                key=f"payout:{payout.pk}",
                kind=EntryKind.PAYOUT,
                lines=[
                    (account(AccountKind.COOPERATIVE, payout.partner_id), payout.amount),
                    (bank, -payout.amount),
                ],
                partner_id=payout.partner_id,
                payout_id=payout.pk,
                memo=payout.note,
                occurred_at=when,
            )
            if posted:
                recorded += 1
                outbox_add(
                    key=f"payout-email:{payout.pk}",
                    task="marketplace.ledger.tasks.payout_email",
                    payout_id=payout.pk,
                )
        batch.paid_at, batch.paid_by = when, user
        batch.save(update_fields=["paid_at", "paid_by"])
    return recorded
