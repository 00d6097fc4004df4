"""The demo's money: past months of orders in every method and outcome, statements that add up,
one paid payout batch, and a ledger that passes its invariants."""

import pytest
from django.core.management import call_command

from marketplace.core.invariants import ledger_violations
from marketplace.ledger.models import PayoutBatch, Statement, Withholding
from marketplace.ledger.months import month_of, month_previous
from marketplace.order.models import SubOrder

pytestmark = pytest.mark.django_db


def test_the_demo_has_three_closed_months_a_payout_and_a_balanced_ledger(client):
    call_command("load_demo", verbosity=0)
    last = month_previous(month_of())
    months = set(
        Statement.objects.filter(partner__users__email="gia-sinh@chohtx.vn").values_list("month", flat=True)
    )
    assert months == {last, month_previous(last), month_previous(month_previous(last))}
    assert PayoutBatch.objects.filter(paid_at__isnull=False).count() == 1
    paid = SubOrder.objects.filter(ledger_transactions__kind="sale").distinct()
    assert set(paid.values_list("payment_method", flat=True)) == {"cod", "vietqr", "stripe"}
    assert SubOrder.objects.filter(ledger_transactions__kind="refund").exists()
    assert Withholding.objects.filter(partner__kind="hkd").exists()
    assert ledger_violations() == []

    assert client.login(email="gia-sinh@chohtx.vn", password="ChoHTX@2026")
    page = client.get("/seller/money/").content.decode()
    assert page.count("/seller/money/statements/") == 3 and "Vào tài khoản" in page
