"""The order's emails, each sent once through the notifications service (called by the order
tasks): the buyer's confirmation, the cooperative's new order, the buyer's timeline updates and the
transfer reminder. Templates under themes/templates/order/emails/."""

from __future__ import annotations

from django.urls import reverse
from oscar.core.loading import get_class

from marketplace.notifications.services import (
    PLATFORM_LANGUAGE,
    email_send_once,
    notification_send_once,
    recipient_language,
    site_url,
)

from ..models import Order, PaymentStatus, SubOrder, SubOrderEvent
from ..selectors import suborder_payments

OrderDispatcher = get_class("order.utils", "OrderDispatcher")
TEMPLATES = "order/emails"


def order_status_path(order: Order) -> str:
    if order.is_anonymous:
        return reverse(
            "customer:anon-order",
            kwargs={"order_number": order.number, "hash": order.verification_hash()},
        )
    return reverse("orders:detail", kwargs={"number": order.number})


def order_confirmation_send(*, order_id: int, sent_by: str = "") -> bool:
    """Email the buyer the order confirmation (with what each payment method attaches: the VietQR
    codes), once. True if sent now. Oscar's own order-placed message, with its HTML part."""
    order = Order.objects.filter(pk=order_id).select_related("user").first()
    if order is None:
        return False

    def send() -> None:
        payments = suborder_payments(order)
        context = {
            "order": order,
            "lines": order.lines.all(),
            "status_path": order_status_path(order),
            "user": order.user,
            "suborders": payments,
        }
        attachments = [attachment for payment in payments for attachment in payment.email_attachments()]
        OrderDispatcher().send_order_placed_email_for_user(order, context, attachments=attachments)

    return notification_send_once(
        key=f"order-placed:{order.number}", recipient=order.email, send=send, sent_by=sent_by
    )


def suborder_placed_notify(*, suborder_id: int, sent_by: str = "") -> bool:
    suborder = SubOrder.objects.select_related("order", "partner").filter(pk=suborder_id).first()
    if suborder is None or not suborder.partner.email:
        return False
    return email_send_once(
        key=f"suborder-placed:{suborder.number}",
        to=suborder.partner.email,
        template=f"{TEMPLATES}/cooperative_new_order",
        context={"suborder": suborder},
        language=PLATFORM_LANGUAGE,
        sent_by=sent_by,
    )


def suborder_event_notify(*, event_id: int, sent_by: str = "") -> bool:
    event = (
        SubOrderEvent.objects.select_related("suborder__order", "suborder__partner")
        .filter(pk=event_id)
        .first()
    )
    if event is None or not event.suborder.order.email:
        return False
    order = event.suborder.order
    status_url = site_url(order_status_path(order))
    return email_send_once(
        key=f"suborder-event:{event.pk}",
        to=order.email,
        template=f"{TEMPLATES}/buyer_suborder_update",
        context={"event": event, "suborder": event.suborder, "order": order, "status_url": status_url},
        language=recipient_language(order),
        sent_by=sent_by,
    )


def vietqr_reminder_send(*, suborder_id: int, sent_by: str = "") -> bool:
    suborder = SubOrder.objects.select_related("order", "partner").filter(pk=suborder_id).first()
    if suborder is None or suborder.payment_status != PaymentStatus.PENDING:
        return False
    order = suborder.order
    payment = suborder_payments(order, only=suborder)
    return email_send_once(
        key=f"vietqr-reminder:{suborder.number}",
        to=order.email,
        template=f"{TEMPLATES}/buyer_vietqr_reminder",
        context={"suborder": suborder, "order": order, "payment": payment[0] if payment else None},
        language=recipient_language(order),
        sent_by=sent_by,
    )
