"""Reads for orders and sub-orders: payment instructions, the buyer's history, guest lookup."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Prefetch
from oscar.core.loading import get_model

from marketplace.core.phones import normalise_phone
from payments import vietqr

from .models import SubOrder, SubOrderEvent

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

    @property
    def qr_data_uri(self) -> str:
        return vietqr.svg_data_uri(self.payload) if self.payload else ""


def suborder_payments(order, *, only: SubOrder | None = None) -> list[SubOrderPayment]:
    """Each sub-order with, for VietQR, the cooperative's account and the QR payload."""
    suborders = SubOrder.objects.filter(order=order).select_related("partner")
    if only is not None:
        suborders = suborders.filter(pk=only.pk)
    result = []
    for suborder in suborders:
        payment = SubOrderPayment(suborder=suborder)
        partner = suborder.partner
        if suborder.payment_method == "vietqr" and partner.bank_bin and partner.bank_account_number:
            payment.account = BankDetails(
                partner.bank_name, partner.bank_account_number, partner.bank_account_holder
            )
            payment.note = vietqr.transfer_note(f"CHOHTX {suborder.number}")
            payment.payload = vietqr.payload(
                bank_bin=partner.bank_bin,
                account=partner.bank_account_number,
                amount=suborder.total,
                note=payment.note,
            )
        result.append(payment)
    return result


def order_with_timeline(queryset):
    """Orders with their sub-orders, cooperatives and events in a fixed number of queries."""
    events = Prefetch("events", queryset=SubOrderEvent.objects.order_by("created_at", "pk"))
    suborders = Prefetch(
        "suborders", queryset=SubOrder.objects.select_related("partner").prefetch_related(events)
    )
    return queryset.prefetch_related(suborders)


def order_for_guest(*, number: str, contact: str):
    """The order with this number whose email or phone matches `contact`, or None."""
    number, contact = (number or "").strip(), (contact or "").strip()
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
