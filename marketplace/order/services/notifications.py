"""The order's emails, each sent once (called by the order tasks): the buyer's confirmation, the
cooperative's new order, the buyer's timeline updates and the VietQR reminder."""

from __future__ import annotations

from django.contrib.sites.models import Site
from django.urls import reverse
from oscar.core.loading import get_class

from marketplace.notifications.services import notification_send_once

from .. import emails
from ..models import Order, PaymentStatus, SubOrder, SubOrderEvent

OrderDispatcher = get_class("order.utils", "OrderDispatcher")


def order_status_path(order: Order) -> str:
    if order.is_anonymous:
        return reverse(
            "customer:anon-order",
            kwargs={"order_number": order.number, "hash": order.verification_hash()},
        )
    return reverse("orders:detail", kwargs={"number": order.number})


def order_confirmation_send(*, order_id: int, sent_by: str = "") -> bool:
    """Email the buyer the order confirmation (with VietQR codes), once. True if sent now."""
    order = Order.objects.filter(pk=order_id).select_related("user").first()
    if order is None:
        return False

    def send() -> None:
        suborders = emails.suborders_with_payment(order)
        context = {
            "order": order,
            "lines": order.lines.all(),
            "status_path": order_status_path(order),
            "user": order.user,
            "suborders": suborders,
        }
        OrderDispatcher().send_order_placed_email_for_user(
            order, context, attachments=emails.qr_attachments(suborders)
        )

    return notification_send_once(
        key=f"order-placed:{order.number}", recipient=order.email, send=send, sent_by=sent_by
    )


def suborder_placed_notify(*, suborder_id: int, sent_by: str = "") -> bool:
    suborder = SubOrder.objects.select_related("order", "partner").filter(pk=suborder_id).first()
    if suborder is None or not suborder.partner.email:
        return False
    return notification_send_once(
        key=f"suborder-placed:{suborder.number}",
        recipient=suborder.partner.email,
        send=lambda: emails.send("cooperative_new_order", suborder.partner.email, {"suborder": suborder}),
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
    status_url = f"https://{Site.objects.get_current().domain}{order_status_path(order)}"
    context = {"event": event, "suborder": event.suborder, "order": order, "status_url": status_url}
    return notification_send_once(
        key=f"suborder-event:{event.pk}",
        recipient=order.email,
        send=lambda: emails.send("buyer_suborder_update", order.email, context),
        sent_by=sent_by,
    )


def vietqr_reminder_send(*, suborder_id: int, sent_by: str = "") -> bool:
    suborder = SubOrder.objects.select_related("order", "partner").filter(pk=suborder_id).first()
    if suborder is None or suborder.payment_status != PaymentStatus.PENDING:
        return False
    order = suborder.order
    payment = emails.suborders_with_payment(order, only=suborder)
    context = {"suborder": suborder, "order": order, "payment": payment[0] if payment else None}
    return notification_send_once(
        key=f"vietqr-reminder:{suborder.number}",
        recipient=order.email,
        send=lambda: emails.send("buyer_vietqr_reminder", order.email, context),
        sent_by=sent_by,
    )
