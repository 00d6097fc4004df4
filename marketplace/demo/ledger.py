"""Three months of settled trade for the demo: orders in every payment method and outcome placed
on past dates, commission rules (a default, a cooperative's lower rate, a household's free first
months), the statements of the past months and one paid payout batch, so the money screens show
real-looking figures. The past is reached with time-machine (a development dependency: the demo
never runs in production), so every record, from the order's date to the ledger's, agrees."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import time_machine
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from marketplace.ledger import payouts as ledger_payouts
from marketplace.ledger import selectors as ledger_selectors
from marketplace.ledger.models import CommissionRule, RuleScope, Transaction
from marketplace.ledger.months import VIETNAM, month_of, month_previous, month_start
from marketplace.ledger.statements import statements_close
from marketplace.order.exceptions import OutOfStock
from marketplace.outbox.models import OutboxMessage, OutboxStatus
from payments import services as payment_services
from payments.models import Refund, StripePayment

from .orders import EMAIL_TASKS, _place, _products_of, _step

MONTHS = 3
BUYER = "khach-quen@chohtx.vn"  # a regular buyer with no password: nobody signs in as them
DAYS = (4, 13, 22)
# (payment method, steps): delivered and completed, paid by transfer, paid by card, card paid then
# cancelled and refunded, cash order cancelled before shipping.
SCENARIOS = (
    ("cod", ("confirm", "pack", "ship", "deliver", "complete")),
    ("vietqr", ("paid", "confirm", "pack", "ship", "deliver")),
    ("stripe", ("card", "confirm", "pack", "ship", "deliver", "complete")),
    ("stripe", ("card", "cancel", "refund")),
    ("cod", ("confirm", "cancel")),
)


def _card_paid(suborder) -> None:
    """What Stripe's webhook does when the buyer's card goes through (no Stripe in the demo)."""
    order = suborder.order
    payment = StripePayment.objects.create(
        order=order,
        intent_id=f"pi_demo_{order.number}",
        amount=int(suborder.total),
        currency=order.currency,
        status="processing",
    )
    payment.suborders.set([suborder])
    object_ = {"id": payment.intent_id, "amount": payment.amount, "currency": order.currency.lower()}
    payment_services.stripe_event_handle(
        event={
            "id": f"evt_demo_paid_{order.number}",
            "type": "payment_intent.succeeded",
            "created": int(timezone.now().timestamp()),
            "data": {"object": object_},
        }
    )


def _card_refunded(suborder) -> None:
    """Stripe's answer to the refund requested with the cancellation."""
    for row in Refund.objects.filter(suborder=suborder, status="requested"):
        OutboxMessage.objects.filter(key=f"stripe-refund:{row.key}").update(
            status=OutboxStatus.DISCARDED, last_error="demo data: no Stripe", handled_at=timezone.now()
        )
        assert row.payment is not None  # the demo's card refunds name their payment
        payment_services.refund_record(
            payment=row.payment,
            refund={
                "id": f"re_demo_{row.pk}",
                "status": "succeeded",
                "amount": row.amount,
                "metadata": {"refund_key": row.key},
            },
        )


def _move(name: str, suborder, actor) -> None:
    if name == "card":
        _card_paid(suborder)
    elif name == "refund":
        _card_refunded(suborder)
    else:
        _step(name, suborder, actor)


def _at(month: date, day: int, hour: int = 9) -> datetime:
    return datetime(month.year, month.month, day, hour, tzinfo=VIETNAM)


def load_commission_rules(*, cooperatives: list, household) -> None:
    """The demo's rules (before any demo order is placed, so every order records its rate): 5% for
    the floor, 3% for the second cooperative, 0% for the household business's first months."""
    first_month = month_previous(month_previous(month_previous(month_of())))
    CommissionRule.objects.get_or_create(
        scope=RuleScope.DEFAULT, defaults={"rate_bp": 500, "note": "Tỉ lệ chung của sàn"}
    )
    CommissionRule.objects.get_or_create(
        scope=RuleScope.PARTNER,
        partner=cooperatives[1],
        defaults={"rate_bp": 300, "note": "Hợp tác xã thành viên lâu năm"},
    )
    if household is not None:
        CommissionRule.objects.get_or_create(
            scope=RuleScope.PARTNER,
            partner=household,
            defaults={
                "rate_bp": 0,
                "valid_from": first_month,
                "valid_to": month_start(month_previous(month_of())).date() - timedelta(days=1),
                "note": "Miễn hoa hồng những tháng đầu trên sàn (hỗ trợ chuyển đổi số)",
            },
        )


@transaction.atomic
def load_ledger(*, cooperatives: list, household, staff) -> dict:
    """Orders from a regular buyer (not the demo customer, whose order history stays short) to
    `cooperatives` and the `household` business over the last three months, their statements and
    one payout. Runs once (a second load finds past entries)."""
    this_month = month_of()
    if Transaction.objects.filter(occurred_at__lt=month_start(this_month)).exists():
        return {"orders": 0, "statements": 0, "payouts": 0}
    months = [this_month]
    for __ in range(MONTHS):
        months.insert(0, month_previous(months[0]))
    months = months[:-1]
    sellers = [*cooperatives, *([household] if household else [])]
    customer, __ = get_user_model().objects.get_or_create(
        email=BUYER, defaults={"first_name": "Trần Văn", "last_name": "Bình"}
    )
    first_outbox = OutboxMessage.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    wares = {partner.pk: _products_of(partner, 6) for partner in sellers}
    placed, turn = 0, 0
    batch = None
    for month in months:
        for day in DAYS:
            if month == months[-1] and day == DAYS[0] and batch is None:
                with time_machine.travel(_at(month, 3, 10), tick=False):
                    batch = _payout(staff)
            for partner in sellers:
                for method, steps in SCENARIOS:
                    products = wares[partner.pk]
                    if not products:
                        continue
                    turn += 1
                    with time_machine.travel(_at(month, day, 8 + turn % 9), tick=False):
                        try:
                            (suborder,) = _place(customer, [[products[turn % len(products)]]], method)
                        except OutOfStock:
                            continue
                        actor = partner.users.order_by("pk").first()
                        for name in steps:
                            _move(name, suborder, actor)
                    placed += 1
    OutboxMessage.objects.filter(
        pk__gt=first_outbox, dispatched_at__isnull=True, task__in=EMAIL_TASKS
    ).update(status=OutboxStatus.DISCARDED, last_error="demo data: not sent", handled_at=timezone.now())
    # The past orders' payment timers fell due months before the demo existed: nobody waits on them.
    OutboxMessage.objects.filter(
        pk__gt=first_outbox, dispatched_at__isnull=True, due_at__lt=timezone.now()
    ).update(
        status=OutboxStatus.DISCARDED,
        last_error="demo data: due before it was loaded",
        handled_at=timezone.now(),
    )
    closed = sum(statements_close(month=month) for month in months)
    return {"orders": placed, "statements": closed, "payouts": batch.payouts.count() if batch else 0}


def _payout(staff):
    owed = [partner.pk for partner in ledger_selectors.positive_balances() if partner.bank_account_number]
    if not owed:
        return None
    batch = ledger_payouts.payout_batch_create(partner_ids=owed, user=staff)
    ledger_payouts.payout_batch_mark_paid(batch_id=batch.pk, user=staff)
    OutboxMessage.objects.filter(
        task="marketplace.ledger.tasks.payout_email", dispatched_at__isnull=True
    ).update(status=OutboxStatus.DISCARDED, last_error="demo data: not sent", handled_at=timezone.now())
    return batch
