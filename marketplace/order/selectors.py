"""Reads for orders and sub-orders: payment instructions, the buyer's history, guest lookup."""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

from django.contrib.auth.models import AnonymousUser
from django.db.models import F, Prefetch, QuerySet

from marketplace.core.phones import normalise_phone
from marketplace.users.models import User
from payments.base import SubOrderPayment
from payments.registry import method_for

from .models import Order, SubOrder, SubOrderEvent, SubOrderStatus

if TYPE_CHECKING:
    from oscar.apps.catalogue.abstract_models import AbstractProduct


def suborder_payment(suborder: SubOrder) -> SubOrderPayment:
    """What the buyer must do to pay this sub-order, as its payment method says."""
    return method_for(suborder.payment_method).instructions([suborder])[0]


def suborder_payments(order: Order, *, only: SubOrder | None = None) -> list[SubOrderPayment]:
    """Each sub-order with what the buyer must do to pay it (for VietQR: the account it was placed
    with, the QR payload and the deadline), in a fixed number of queries."""
    suborders = SubOrder.objects.filter(order=order).select_related("partner")
    if only is not None:
        suborders = suborders.filter(pk=only.pk)
    listed = list(suborders)
    found: dict[int, SubOrderPayment] = {}
    for code in dict.fromkeys(suborder.payment_method for suborder in listed):
        same = [suborder for suborder in listed if suborder.payment_method == code]
        found.update((payment.suborder.pk, payment) for payment in method_for(code).instructions(same))
    return [found[suborder.pk] for suborder in listed]


def suborder_payment_for_viewer(*, order: Order, suborder_number: str) -> SubOrderPayment | None:
    """The payment of one sub-order of this order, if it has a code to scan (else None)."""
    suborder = SubOrder.objects.select_related("partner").filter(order=order, number=suborder_number).first()
    if suborder is None:
        return None
    payment = suborder_payment(suborder)
    return payment if payment.payload else None


def buyer_received_product(*, user: User | AnonymousUser, product: AbstractProduct) -> bool:
    """Whether this user's order had the product in a sub-order that was delivered or completed."""
    if not isinstance(user, User) or not user.is_authenticated:
        return False
    return SubOrder.objects.filter(
        order__user=user,
        status__in=(SubOrderStatus.DELIVERED, SubOrderStatus.COMPLETED),
        order__lines__product=product,
        order__lines__partner_id=F("partner_id"),
    ).exists()


def order_with_timeline(queryset: QuerySet[Order]) -> QuerySet[Order]:
    """Orders with their sub-orders, cooperatives and events in a fixed number of queries."""
    events = Prefetch("events", queryset=SubOrderEvent.objects.order_by("created_at", "pk"))
    suborders = Prefetch(
        "suborders", queryset=SubOrder.objects.select_related("partner").prefetch_related(events)
    )
    return queryset.prefetch_related(suborders)


def order_for_guest(*, number: str, contact: str) -> Order | None:
    """The order with this number whose email or phone matches `contact`, or None."""
    from marketplace.core.params import clean_text

    # A NUL in the number reached PostgreSQL (a server error): such input finds nothing.
    number, contact = clean_text(number, max_length=64), clean_text(contact, max_length=254)
    if not number or not contact:
        return None
    order = Order.objects.filter(number=number).select_related("shipping_address").first()
    if order is None:
        return None
    if "@" in contact:
        return order if order.email.lower() == contact.lower() else None
    try:
        phone = normalise_phone(contact)
    except ValueError:
        return None
    address = order.shipping_address
    stored = address.phone_number.as_e164 if address and address.phone_number else ""
    return order if stored == phone else None


def order_placed_recently(*, order_id: int | None, minutes: int = 30) -> Order | None:
    """The order this session placed in the last `minutes`, or None."""
    if not order_id:
        return None
    from django.utils import timezone

    since = timezone.now() - timedelta(minutes=minutes)
    placed: Order | None = Order.objects.filter(pk=order_id, date_placed__gte=since).first()
    return placed
