"""The ledger after every money flow: balances from the cooperative's side (+ the alliance owes
it), every transaction balanced, the whole ledger summing to zero."""

from datetime import date

import pytest
import time_machine
from django.db import DatabaseError, IntegrityError, connection, transaction
from django.db.models import Sum

from marketplace.core.invariants import ledger_violations
from marketplace.ledger import selectors
from marketplace.ledger.models import CommissionRule, Entry, RuleScope, Statement, Transaction, Withholding
from marketplace.order import services as order_services
from tests.ledger.conftest import card_pay, deliver, place, stripe_refunds

pytestmark = pytest.mark.django_db


def ledger_sums_to_zero():
    assert Entry.objects.aggregate(total=Sum("amount"))["total"] in (None, 0)
    assert ledger_violations() == []


def kinds(partner):
    return selectors.totals_by_kind(partner)


def test_cash_on_delivery_leaves_the_cooperative_owing_the_commission(coop, default_rate):
    (suborder,) = place((coop, 200_000, 30_000), method="cod")
    assert selectors.balance(coop) == 0  # nothing happens before delivery
    deliver(suborder)
    # Sold 230.000 (goods and shipping), kept all of it, owes 5% of the goods.
    assert kinds(coop) == {"sale": 200_000, "shipping": 30_000, "collected": -230_000, "commission": -10_000}
    assert selectors.balance(coop) == -10_000
    ledger_sums_to_zero()


def test_vietqr_paid_to_the_cooperative_owes_the_commission(coop, default_rate):
    (suborder,) = place((coop, 150_000, 0), method="vietqr")
    order_services.suborder_payment_received(suborder_id=suborder.pk)
    order_services.suborder_payment_received(suborder_id=suborder.pk)  # clicked twice: once
    assert selectors.balance(coop) == -7_500
    ledger_sums_to_zero()


def test_a_card_sale_is_owed_to_the_cooperative_less_commission(coop, default_rate):
    (suborder,) = place((coop, 300_000, 20_000), method="stripe")
    card_pay(suborder)
    assert selectors.balance(coop) == 320_000 - 15_000
    assert not Withholding.objects.exists()  # a cooperative declares its own taxes
    ledger_sums_to_zero()


def test_a_household_seller_paid_by_card_has_vat_and_pit_withheld(household, default_rate):
    (suborder,) = place((household, 1_000_000, 0), method="stripe")
    card_pay(suborder)
    withheld = Withholding.objects.get()
    assert (withheld.revenue, withheld.vat, withheld.pit) == (1_000_000, 10_000, 5_000)  # 1% + 0,5%
    assert selectors.balance(household) == 1_000_000 - 50_000 - 15_000
    ledger_sums_to_zero()


def test_household_cash_sales_are_not_withheld(household, default_rate):
    (suborder,) = place((household, 100_000, 0), method="cod")
    deliver(suborder)
    assert not Withholding.objects.exists()
    assert selectors.balance(household) == -5_000


def test_a_card_order_cancelled_after_payment_is_refunded_and_reversed(household, default_rate):
    (suborder,) = place((household, 400_000, 25_000), method="stripe")
    payment = card_pay(suborder)
    order_services.suborder_cancel(suborder_id=suborder.pk, reason="Hết hàng")
    # The refund is only requested: the money has not left yet.
    assert selectors.balance(household) == 425_000 - 20_000 - 6_000
    stripe_refunds(payment, status="pending")
    stripe_refunds(payment, status="succeeded")  # told again: recorded once
    assert selectors.balance(household) == 0
    assert kinds(household)["refund"] == -425_000
    offset = Withholding.objects.order_by("pk").last()
    assert (offset.vat, offset.pit) == (-4_000, -2_000)
    ledger_sums_to_zero()


def test_partial_cancellation_touches_only_the_cancelled_cooperative(coop, household, default_rate):
    kept, cancelled = place((coop, 100_000, 10_000), (household, 200_000, 10_000), method="stripe")
    payment = card_pay(kept, cancelled)
    order_services.suborder_cancel(suborder_id=cancelled.pk, reason="Hết hàng")
    stripe_refunds(payment)
    assert selectors.balance(coop) == 110_000 - 5_000
    assert selectors.balance(household) == 0
    ledger_sums_to_zero()


def test_a_direct_sale_cancelled_after_payment_is_reversed(coop, default_rate):
    (suborder,) = place((coop, 80_000, 0), method="vietqr")
    order_services.suborder_payment_received(suborder_id=suborder.pk)
    order_services.suborder_cancel(suborder_id=suborder.pk, reason="Người mua đổi ý, HTX đã trả lại tiền")
    assert selectors.balance(coop) == 0
    ledger_sums_to_zero()


def test_a_cooperative_override_beats_the_default_and_is_kept_on_the_order(coop, default_rate):
    CommissionRule.objects.create(scope=RuleScope.PARTNER, partner=coop, rate_bp=200)
    (first,) = place((coop, 100_000, 0), method="stripe")
    assert first.commission.rate_bp == 200
    CommissionRule.objects.filter(scope=RuleScope.PARTNER).update(rate_bp=900)  # changed later
    card_pay(first)
    assert selectors.balance(coop) == 98_000  # the rate recorded at placing
    ledger_sums_to_zero()


def test_a_category_rate_applies_to_that_categorys_products(coop, default_rate):
    from marketplace.catalogue.services import category_ensure

    herbs = category_ensure(code="III", name="Thảo dược")
    tea = category_ensure(code="III.1", name="Trà thảo dược", parent=herbs)
    CommissionRule.objects.create(scope=RuleScope.CATEGORY, category=herbs, rate_bp=300)
    CommissionRule.objects.create(scope=RuleScope.OCOP_GROUP, ocop_group="I", rate_bp=100)
    (plain,) = place((coop, 100_000, 0), method="cod")
    (herbal,) = place((coop, 100_000, 0), method="cod", category=tea)
    assert (plain.commission.rate_bp, herbal.commission.rate_bp) == (500, 300)


def test_an_ocop_group_rate_applies_to_that_groups_products(coop, default_rate):
    from marketplace.catalogue.services import category_ensure

    food = category_ensure(code="I", name="Thực phẩm")
    rice = category_ensure(code="I.3", name="Gạo", parent=food)
    CommissionRule.objects.create(scope=RuleScope.OCOP_GROUP, ocop_group="I", rate_bp=100)
    (suborder,) = place((coop, 100_000, 0), method="cod", category=rice)
    assert suborder.commission.rate_bp == 100


def test_a_zero_rate_period_for_a_new_cooperative(coop, default_rate):
    with time_machine.travel("2026-03-10 10:00 +0700", tick=False):
        CommissionRule.objects.create(
            scope=RuleScope.PARTNER,
            partner=coop,
            rate_bp=0,
            valid_from="2026-03-01",
            valid_to="2026-08-31",
            note="6 tháng đầu trên sàn",
        )
        (early,) = place((coop, 100_000, 0), method="cod")
    with time_machine.travel("2026-09-01 08:00 +0700", tick=False):
        (late,) = place((coop, 100_000, 0), method="cod")
        deliver(early)
        deliver(late)
    assert (early.commission.rate_bp, late.commission.rate_bp) == (0, 500)
    assert selectors.balance(coop) == -5_000
    # The free sale still has its (empty) commission record.
    assert Transaction.objects.filter(suborder=early, kind="commission").exists()
    ledger_sums_to_zero()


def test_ledger_rows_are_never_changed_or_deleted(coop, default_rate):
    (suborder,) = place((coop, 100_000, 0), method="cod")
    deliver(suborder)
    entry = Entry.objects.first()
    entry.amount = 1
    with pytest.raises(ValueError, match="never changed"):
        entry.save()
    with pytest.raises(ValueError, match="never deleted"):
        entry.delete()
    with pytest.raises(ValueError):
        suborder.commission.save()


def test_an_unbalanced_transaction_is_refused(coop):
    from marketplace.ledger.models import AccountKind
    from marketplace.ledger.posting import account, transaction_post

    with pytest.raises(ValueError, match="Unbalanced"):
        transaction_post(key="x", kind="correction", lines=[(account(AccountKind.COOPERATIVE, coop.pk), 5)])
    assert not Transaction.objects.exists()


def test_invariants_find_a_delivered_sub_order_without_its_sale(coop, default_rate):
    from marketplace.order.models import SubOrder

    (suborder,) = place((coop, 100_000, 0), method="cod")
    SubOrder.objects.filter(pk=suborder.pk).update(status="delivered")  # as if no hook had run
    found = {violation.invariant for violation in ledger_violations()}
    assert {"ledger.sale_missing", "ledger.commission_missing"} <= found


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the trigger is PostgreSQL's")
def test_the_database_refuses_to_change_ledger_rows(coop, default_rate):
    (suborder,) = place((coop, 100_000, 0), method="cod")
    deliver(suborder)
    for change in (
        lambda: Entry.objects.update(amount=1),
        lambda: Transaction.objects.filter(suborder=suborder).update(memo="sửa"),
        lambda: Entry.objects.all()._raw_delete(Entry.objects.db),
    ):
        with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
            change()


def test_statement_closing_twice_is_once(coop, default_rate):
    with time_machine.travel("2026-10-15 10:00 +0700", tick=False):
        (suborder,) = place((coop, 100_000, 0), method="cod")
        deliver(suborder)
    with time_machine.travel("2026-11-02 00:30 +0700", tick=False):
        from marketplace.ledger.statements import statements_close

        assert statements_close() == 1
        assert statements_close() == 0
    assert Statement.objects.get().closing == -5_000
    with pytest.raises(IntegrityError):
        Statement.objects.create(partner=coop, month="2026-10-01", opening=0, closing=0)


def test_a_statement_cannot_close_before_its_month_ends(coop):
    from marketplace.ledger.statements import MonthNotOver, statements_close

    with time_machine.travel("2026-10-31 23:00 +0700", tick=False), pytest.raises(MonthNotOver):
        statements_close(month=date(2026, 10, 1))


def test_sub_orders_paid_before_the_ledger_existed_are_backfilled_once(coop, default_rate):
    from django.core.management import call_command
    from django.utils import timezone

    from marketplace.order.models import SubOrder

    cash, card = place((coop, 100_000, 0), method="cod")[0], place((coop, 200_000, 0), method="stripe")[0]
    # Moved on before the ledger existed: no hook ran.
    SubOrder.objects.filter(pk=cash.pk).update(
        status="delivered", payment_status="paid", paid_at=timezone.now()
    )
    SubOrder.objects.filter(pk=card.pk).update(payment_status="paid", paid_at=timezone.now())
    assert {v.invariant for v in ledger_violations()} == {"ledger.sale_missing", "ledger.commission_missing"}
    call_command("ledger_backfill", verbosity=0)
    call_command("ledger_backfill", verbosity=0)
    assert selectors.balance(coop) == 200_000 - 10_000 - 5_000
    ledger_sums_to_zero()


def test_a_cash_refund_after_a_return_gives_back_the_commission_on_it(coop, default_rate):
    from payments.transfer_refunds import transfer_refund_record

    (suborder,) = place((coop, 200_000, 30_000), method="cod")
    deliver(suborder)
    assert selectors.balance(coop) == -10_000  # owes 5% of 200.000
    transfer_refund_record(suborder=suborder, amount=50_000, key="return:1", received=False)
    assert selectors.balance(coop) == -10_000  # sent, not yet confirmed by the buyer
    transfer_refund_record(suborder=suborder, amount=50_000, key="return:1", received=True)
    transfer_refund_record(suborder=suborder, amount=50_000, key="return:1", received=True)  # twice: once
    # 50.000 of the 230.000 paid went back: that share of the commission is given back to it.
    assert kinds(coop)["refund"] == -50_000
    assert selectors.balance(coop) == -10_000 + 10_000 * 50_000 // 230_000
    ledger_sums_to_zero()
