"""Order-side services: what happens after an order is placed."""

from django.urls import reverse
from oscar.core.loading import get_class, get_model

from marketplace.notifications.services import notification_send_once

Order = get_model("order", "Order")
OrderDispatcher = get_class("order.utils", "OrderDispatcher")


def order_confirmation_send(*, order_id: int, sent_by: str = "") -> bool:
    """Email the buyer the order confirmation, once. Returns True if it was sent now."""
    order = Order.objects.filter(pk=order_id).select_related("user").first()
    if order is None:
        return False
    recipient = order.email

    def send():
        if order.is_anonymous:
            path = reverse(
                "customer:anon-order",
                kwargs={"order_number": order.number, "hash": order.verification_hash()},
            )
        else:
            path = reverse("customer:order", kwargs={"order_number": order.number})
        context = {"order": order, "lines": order.lines.all(), "status_path": path, "user": order.user}
        OrderDispatcher().send_order_placed_email_for_user(order, context)

    return notification_send_once(
        key=f"order-placed:{order.number}", recipient=recipient, send=send, sent_by=sent_by
    )
