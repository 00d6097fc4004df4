"""Reads for orders and sub-orders: payment instructions, the buyer's history, guest lookup."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.db.models import F, Prefetch
from oscar.core.loading import get_model

from marketplace.core.phones import normalise_phone
from marketplace.partner.banks import bank_name
from payments import vietqr

from .models import PaymentStatus, SubOrder, SubOrderEvent, SubOrderStatus

Order = get_model("order", "Order")


@dataclass(frozen=True)
class BankDetails:
    bank_name: str
    account_number: str
    account_name: str


@dataclass
class SubOrderPayment:
    suborder: SubOrder
    account: BankDetails | None = None
    payload: str = ""
    note: str = ""
    #: When an unpaid transfer cancels the sub-order (the VietQR cancel timer's due time).
    deadline: datetime | None = None

    @property
    def qr_data_uri(self) -> str:
        return vietqr.svg_data_uri(self.payload) if self.payload else ""

    @property
    def is_paid(self) -> bool:
        return self.suborder.payment_status == PaymentStatus.PAID

    @property
    def awaits_transfer(self) -> bool:
        """The buyer still has to transfer: show the QR, the details and the deadline."""
        return bool(self.payload) and (
            self.suborder.payment_status == PaymentStatus.PENDING
            and self.suborder.status != SubOrderStatus.CANCELLED
        )


def vietqr_deadlines(suborders) -> dict[str, datetime]:
    """Each VietQR sub-order's cancel time, read from its timer in the outbox (one query)."""
    from marketplace.order.services import CANCEL_AFTER
    from marketplace.outbox.models import OutboxMessage

    numbers = [s.number for s in suborders if s.payment_method == "vietqr"]
    if not numbers:
        return {}
    keys = {f"vietqr-cancel-timer:{number}": number for number in numbers}
    found = dict(OutboxMessage.objects.filter(key__in=keys).values_list("key", "due_at"))
    deadlines = {}
    for suborder in suborders:
        key = f"vietqr-cancel-timer:{suborder.number}"
        if key in keys:
            deadlines[suborder.number] = found.get(key) or (suborder.created_at + CANCEL_AFTER)
    return deadlines


def suborder_payment(suborder: SubOrder, *, deadline: datetime | None = None) -> SubOrderPayment:
    """One sub-order with, for VietQR, the account it was placed with (never the cooperative's
    current one), the QR payload and the deadline."""
    payment = SubOrderPayment(suborder=suborder, deadline=deadline)
    if suborder.payment_method == "vietqr" and suborder.payee_bank_bin and suborder.payee_account_number:
        payment.account = BankDetails(
            bank_name(suborder.payee_bank_bin),
            suborder.payee_account_number,
            suborder.payee_account_holder,
        )
        payment.note = vietqr.transfer_note(f"CHOHTX {suborder.number}")
        payment.payload = vietqr.payload(
            bank_bin=suborder.payee_bank_bin,
            account=suborder.payee_account_number,
            amount=suborder.total,
            note=payment.note,
        )
        if payment.deadline is None:
            payment.deadline = vietqr_deadlines([suborder]).get(suborder.number)
    return payment


def suborder_payments(order, *, only: SubOrder | None = None) -> list[SubOrderPayment]:
    """Each sub-order with, for VietQR, the account it was placed with and the QR payload."""
    suborders = SubOrder.objects.filter(order=order).select_related("partner")
    if only is not None:
        suborders = suborders.filter(pk=only.pk)
    suborders = list(suborders)
    deadlines = vietqr_deadlines(suborders)
    return [suborder_payment(s, deadline=deadlines.get(s.number)) for s in suborders]


def suborder_payment_for_viewer(*, order, suborder_number: str) -> SubOrderPayment | None:
    """The VietQR payment of one sub-order of this order (None if it has no QR)."""
    suborder = SubOrder.objects.select_related("partner").filter(order=order, number=suborder_number).first()
    if suborder is None:
        return None
    payment = suborder_payment(suborder)
    return payment if payment.payload else None


def buyer_received_product(*, user, product) -> bool:
    """Whether this user's order had the product in a sub-order that was delivered or completed."""
    if not user.is_authenticated:
        return False
    return SubOrder.objects.filter(
        order__user=user,
        status__in=(SubOrderStatus.DELIVERED, SubOrderStatus.COMPLETED),
        order__lines__product=product,
        order__lines__partner_id=F("partner_id"),
    ).exists()


def order_with_timeline(queryset):
    """Orders with their sub-orders, cooperatives and events in a fixed number of queries."""
    events = Prefetch("events", queryset=SubOrderEvent.objects.order_by("created_at", "pk"))
    suborders = Prefetch(
        "suborders", queryset=SubOrder.objects.select_related("partner").prefetch_related(events)
    )
    return queryset.prefetch_related(suborders)


def order_for_guest(*, number: str, contact: str):
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


def order_placed_recently(*, order_id: int | None, minutes: int = 30):
    """The order this session placed in the last `minutes`, or None."""
    if not order_id:
        return None
    from django.utils import timezone

    since = timezone.now() - timezone.timedelta(minutes=minutes)
    return Order.objects.filter(pk=order_id, date_placed__gte=since).first()
