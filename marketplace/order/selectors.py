"""Reads for orders and sub-orders: payment instructions, the buyer's history, guest lookup."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import F, Prefetch
from oscar.core.loading import get_model

from marketplace.core.phones import normalise_phone
from marketplace.partner.banks import bank_name
from payments import vietqr

from .models import SubOrder, SubOrderEvent, SubOrderStatus

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
    """Each sub-order with, for VietQR, the account it was placed with and the QR payload."""
    suborders = SubOrder.objects.filter(order=order).select_related("partner")
    if only is not None:
        suborders = suborders.filter(pk=only.pk)
    result = []
    for suborder in suborders:
        payment = SubOrderPayment(suborder=suborder)
        # The account recorded on the sub-order when it was placed, never the cooperative's current one.
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
        result.append(payment)
    return result


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
