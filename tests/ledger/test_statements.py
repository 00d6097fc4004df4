"""Monthly statements against figures worked out by hand, the files a cooperative downloads,
payouts (the bank file's columns, the ledger, the email) and isolation between cooperatives."""

import csv
import io
from datetime import date

import pytest
import time_machine
from django.core import mail
from openpyxl import load_workbook

from marketplace.core.invariants import ledger_violations
from marketplace.ledger import exports, selectors
from marketplace.ledger.models import Payout, Statement
from marketplace.ledger.payouts import PayoutRefused, payout_batch_create, payout_batch_mark_paid
from marketplace.ledger.statements import statements_close
from marketplace.order import services as order_services
from marketplace.partner.models import Role
from tests.ledger.conftest import card_pay, deliver, place, stripe_refunds

pytestmark = pytest.mark.django_db
OCTOBER, NOVEMBER = date(2026, 10, 1), date(2026, 11, 1)


@pytest.fixture
def october(coop, default_rate):
    """In October 2026: a COD sale delivered (200.000 + 30.000 shipping), a card sale (300.000 +
    20.000) and a card sale of 100.000 cancelled and refunded; a 5% commission."""
    with time_machine.travel("2026-10-05 09:00 +0700", tick=False):
        (cod,) = place((coop, 200_000, 30_000), method="cod")
        (card,) = place((coop, 300_000, 20_000), method="stripe")
        (cancelled,) = place((coop, 100_000, 0), method="stripe")
    with time_machine.travel("2026-10-06 09:00 +0700", tick=False):
        card_pay(card)
        payment = card_pay(cancelled)
        deliver(cod)
    with time_machine.travel("2026-10-31 23:59 +0700", tick=False):  # the last minute counts
        order_services.suborder_cancel(suborder_id=cancelled.pk, reason="Hết hàng")
        stripe_refunds(payment)
    with time_machine.travel("2026-11-01 00:30 +0700", tick=False):
        statements_close()
    return Statement.objects.get(partner=coop, month=OCTOBER)


def test_the_month_adds_up_to_hand_computed_figures(october):
    # sales 230.000 + 320.000 + 100.000; kept by the cooperative 230.000 (cash);
    # commission 10.000 + 15.000 + 5.000 − 5.000 given back; refunded 100.000.
    assert (october.opening, october.sales, october.collected, october.commission, october.refunds) == (
        0,
        650_000,
        -230_000,
        -25_000,
        -100_000,
    )
    assert (october.withholding, october.payouts, october.closing) == (0, 0, 295_000)
    assert ledger_violations() == []


def test_each_sub_order_is_one_line_of_the_statement(october, coop):
    rows = selectors.statement_rows(coop, OCTOBER)
    assert sorted(row.net for row in rows) == [-10_000, 0, 305_000]
    assert {row.method for row in rows} == {"Tiền mặt khi nhận hàng", "Thẻ (tiền về liên minh)"}


def test_a_payout_enters_the_next_month_and_emails_the_cooperative(
    october, coop, staff_user, django_capture_on_commit_callbacks
):
    with time_machine.travel("2026-11-03 10:00 +0700", tick=False):
        batch = payout_batch_create(partner_ids=[coop.pk], user=staff_user)
        with django_capture_on_commit_callbacks(execute=True):
            assert payout_batch_mark_paid(batch_id=batch.pk, user=staff_user) == 1
        assert payout_batch_mark_paid(batch_id=batch.pk, user=staff_user) == 0  # twice: once
    assert selectors.balance(coop) == 0
    (email,) = mail.outbox
    assert "295.000" in email.subject and "0011001932418" in email.body
    with time_machine.travel("2026-12-01 01:00 +0700", tick=False):
        statements_close()
    november = Statement.objects.get(partner=coop, month=NOVEMBER)
    assert (november.opening, november.payouts, november.closing) == (295_000, -295_000, 0)
    assert ledger_violations() == []


def test_the_bank_file_has_bin_account_holder_amount_and_note(october, coop, staff_user):
    batch = payout_batch_create(partner_ids=[coop.pk], user=staff_user)
    sheet = load_workbook(io.BytesIO(exports.payout_xlsx(batch))).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == (
        "Mã ngân hàng (BIN)",
        "Ngân hàng",
        "Số tài khoản",
        "Chủ tài khoản",
        "Số tiền",
        "Nội dung",
    )
    assert rows[1][:5] == (
        "970415",
        "VietinBank — Ngân hàng TMCP Công thương Việt Nam",
        "0011001932418",
        "HTX COM CHAY AN KHANH",
        295_000,
    )
    assert rows[1][5].startswith(f"CHO HTX THANH TOAN DOT {batch.pk} ")
    lines = list(csv.reader(io.StringIO(exports.payout_csv(batch).decode("utf-8-sig"))))
    assert lines[0] == ["bank_bin", "bank_name", "account_number", "account_holder", "amount", "note"]
    assert lines[1][0] == "970415" and lines[1][4] == "295000"


def test_a_cooperative_that_owes_or_is_already_in_a_batch_is_not_paid(october, coop, household, staff_user):
    payout_batch_create(partner_ids=[coop.pk], user=staff_user)
    with pytest.raises(PayoutRefused):
        payout_batch_create(partner_ids=[coop.pk], user=staff_user)
    with pytest.raises(PayoutRefused):
        payout_batch_create(partner_ids=[household.pk], user=staff_user)
    assert Payout.objects.count() == 1


def test_statement_files_are_in_vietnamese(october):
    pdf = exports.statement_pdf(october)
    assert pdf.startswith(b"%PDF") and b"DejaVuSans" in pdf
    sheet = load_workbook(io.BytesIO(exports.statement_xlsx(october))).active
    values = [cell for row in sheet.iter_rows(values_only=True) for cell in row if cell is not None]
    assert "Bảng kê tháng 10/2026" in values and 295_000 in values


# --- Pages ----------------------------------------------------------------------------------------
@pytest.fixture
def seller_of(django_user_model, client):
    def sign_in(partner, email):
        user = django_user_model.objects.create_user(email=email, password="pw-seller-123")
        partner.users.add(user, through_defaults={"role": Role.OWNER})
        client.force_login(user)
        return client

    return sign_in


def test_the_cooperative_sees_its_balance_and_statements(october, coop, seller_of):
    client = seller_of(coop, "chu@comchay.vn")
    page = client.get("/seller/money/").content.decode()
    assert "295.000\xa0₫" in page and "Tháng 10/2026" in page
    statement = client.get(f"/seller/money/statements/{october.pk}/").content.decode()
    assert "Số dư cuối tháng" in statement and october.partner.name in statement
    assert client.get(f"/seller/money/statements/{october.pk}/bang-ke.pdf").content.startswith(b"%PDF")
    assert client.get(f"/seller/money/statements/{october.pk}/bang-ke.xlsx").status_code == 200


def test_another_cooperative_sees_nothing_of_it(october, household, seller_of):
    client = seller_of(household, "chu@matong.vn")
    page = client.get("/seller/money/").content.decode()
    assert "295.000" not in page and "Tháng 10/2026" not in page
    for path in ("", "bang-ke.pdf", "bang-ke.xlsx"):
        assert client.get(f"/seller/money/statements/{october.pk}/{path}").status_code == 404


def test_staff_pay_from_the_dashboard(october, coop, client, staff_user, django_capture_on_commit_callbacks):
    client.force_login(staff_user)
    page = client.get("/dashboard/ledger/payouts/").content.decode()
    assert coop.name in page and "295.000" in page
    client.post("/dashboard/ledger/payouts/", {"partner": [coop.pk]})
    batch = Payout.objects.get().batch
    assert client.get(f"/dashboard/ledger/payouts/{batch.pk}/chi-tra.csv").status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/dashboard/ledger/payouts/{batch.pk}/paid/")
    assert selectors.balance(coop) == 0 and len(mail.outbox) == 1
    seller = client.get("/dashboard/ledger/payouts/").content.decode()
    assert "Đã chuyển lúc" in seller


def test_staff_set_a_commission_rule_and_bad_input_is_explained(client, staff_user, coop):
    client.force_login(staff_user)
    response = client.post("/dashboard/ledger/commission/", {"scope": "partner", "rate_percent": "2,5"})
    assert response.status_code == 400 and "Hãy chọn nơi áp dụng tỉ lệ này." in response.content.decode()
    client.post(
        "/dashboard/ledger/commission/",
        {"scope": "partner", "partner": coop.pk, "rate_percent": "2.5", "valid_from": "2026-01-01"},
    )
    from marketplace.ledger.models import CommissionRule

    assert CommissionRule.objects.get().rate_bp == 250


def test_the_withholding_declaration_lists_household_card_sales(household, default_rate, client, staff_user):
    with time_machine.travel("2026-10-05 09:00 +0700", tick=False):
        (suborder,) = place((household, 1_000_000, 0), method="stripe")
        card_pay(suborder)
    client.force_login(staff_user)
    response = client.get("/dashboard/ledger/withholding.xlsx?month=2026-10")
    rows = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    assert rows[3][:8] == (
        household.name,
        household.tax_code,
        suborder.number,
        "05/10/2026",
        "Hàng hoá",
        1_000_000,
        10_000,
        5_000,
    )
    assert "117/2025" in rows[3][8]
    assert client.get("/dashboard/ledger/withholding.xlsx?month=nonsense").status_code == 200


def test_the_money_pages_cost_the_same_queries_for_more_orders(coop, default_rate, seller_of):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = seller_of(coop, "chu@comchay.vn")

    def queries(*paths):
        counts = []
        for path in paths:
            client.get(path)  # caches warmed (site, session)
            with CaptureQueriesContext(connection) as captured:
                assert client.get(path).status_code == 200
            counts.append(len(captured))
        return counts

    def orders(when, count):
        with time_machine.travel(when, tick=False):
            for __ in range(count):
                (suborder,) = place((coop, 100_000, 10_000), method="stripe")
                card_pay(suborder)

    orders("2026-10-05 09:00 +0700", 1)
    orders("2026-11-05 09:00 +0700", 1)
    with time_machine.travel("2026-11-10 01:00 +0700", tick=False):
        statements_close(month=OCTOBER)
        statement = Statement.objects.get(month=OCTOBER)
        few = queries("/seller/money/", f"/seller/money/statements/{statement.pk}/")
    orders("2026-11-12 09:00 +0700", 6)
    with time_machine.travel("2026-11-20 01:00 +0700", tick=False):
        many = queries("/seller/money/", f"/seller/money/statements/{statement.pk}/")
        assert client.get("/seller/money/").content.decode().count('class="ledger-row"') == 7
    assert many == few
