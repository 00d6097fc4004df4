"""The buyer's reminder to pay by card (sent once, from the card payment timer)."""

from __future__ import annotations

from django.contrib.sites.models import Site
from django.urls import reverse
from oscar.core.loading import get_model

from marketplace.notifications.services import notification_send_once
from marketplace.order import emails

from . import selectors

Order = get_model("order", "Order")


def card_reminder_send(*, order_id: int, sent_by: str = "") -> bool:
    order = Order.objects.filter(pk=order_id).first()
    if order is None or not order.email:
        return False
    due = selectors.card_due(order)
    if not due.suborders:
        return False
    domain = Site.objects.get_current().domain
    context = {
        "order": order,
        "amount": due.amount,
        "pay_url": f"https://{domain}{reverse('payments:card', kwargs={'number': order.number})}",
    }
    return notification_send_once(
        key=f"card-reminder:{order.number}",
        recipient=order.email,
        send=lambda: emails.send("buyer_card_reminder", order.email, context),
        sent_by=sent_by,
    )
