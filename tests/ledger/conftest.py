"""Cooperatives, orders and payments for the ledger tests, built through the order services (the
same life-cycle steps that write the ledger in production)."""

import itertools

import pytest
from django.utils import timezone

from marketplace.ledger.models import CommissionRule, RuleScope
from marketplace.order import services as order_services
from marketplace.order.models import SubOrder
from marketplace.partner.models import Kind
from tests.factories import CooperativeFactory, bank_account_for, make_product

_numbers = itertools.count(700001)


@pytest.fixture
def default_rate(db):
    """The floor's default commission: 5%."""
    return CommissionRule.objects.create(scope=RuleScope.DEFAULT, rate_bp=500)


@pytest.fixture
def coop(db):
    partner = CooperativeFactory(name="HTX Cơm cháy An Khánh", email="lienhe@comchay.vn")
    bank_account_for(partner, holder="HTX COM CHAY AN KHANH")
    return partner


@pytest.fixture
def household(db):
    partner = CooperativeFactory(name="Hộ kinh doanh Mật ong Cúc Phương", kind=Kind.HOUSEHOLD)
    bank_account_for(partner, account_number="0011009988776", holder="NGUYEN VAN MAT")
    return partner


def place(*parts, method="cod", category=None):
    """One order with one sub-order per (partner, goods, shipping) in `parts`, placed now. The
    sub-orders are made as the checkout makes them (`order_split`'s rows), then placed through the
    ledger's placing hook as `order_split` does."""
    from oscar.apps.partner.strategy import Default
    from oscar.core.loading import get_model
    from oscar.test.factories import create_order

    from marketplace.ledger import services as ledger

    basket = get_model("basket", "Basket").objects.create()
    basket.strategy = Default()
    for partner, goods, __ in parts:
        basket.add_product(make_product(partner, price=goods, stock=5, category=category))
    order = create_order(number=str(next(_numbers)), basket=basket)
    suborders = []
    for index, (partner, goods, shipping) in enumerate(parts, start=1):
        suborder = SubOrder.objects.create(
            order=order,
            partner=partner,
            number=f"{order.number}-{index}",
            payment_method=method,
            shipping_code="flat",
            shipping_label="Giao tận nơi",
            shipping_charge=shipping,
            lines_total=goods,
            total=goods + shipping,
        )
        ledger.suborder_placed(suborder)
        suborders.append(suborder)
    return suborders


def deliver(suborder):
    order_services.suborder_confirm(suborder_id=suborder.pk)
    order_services.suborder_ship(suborder_id=suborder.pk, carrier="Viettel Post", tracking_code="VTP1")
    return order_services.suborder_deliver(suborder_id=suborder.pk)


def card_pay(*suborders):
    """Stripe confirmed one PaymentIntent covering these card sub-orders (as the webhook does)."""
    from payments.models import StripePayment
    from payments.services import _card_payment_apply

    order = suborders[0].order
    payment = StripePayment.objects.create(
        order=order,
        intent_id=f"pi_{order.number}",
        amount=sum(int(s.total) for s in suborders),
        currency="VND",
        status="succeeded",
        succeeded_at=timezone.now(),
    )
    payment.suborders.set(suborders)
    _card_payment_apply(payment)
    return payment


def stripe_refunds(payment, status="succeeded"):
    """Stripe answers every requested refund of this payment (as `stripe_refund_send` records)."""
    from payments.models import Refund
    from payments.services import refund_record

    for row in Refund.objects.filter(payment=payment, status="requested"):
        refund_record(
            payment=payment,
            refund={
                "id": f"re_{row.pk}",
                "status": status,
                "amount": row.amount,
                "metadata": {"refund_key": row.key},
            },
        )
