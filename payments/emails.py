"""The buyer's reminder to pay by card (sent once, from the card payment timer)."""

from __future__ import annotations

from django.urls import reverse

from marketplace.notifications.services import email_send_once, recipient_language, site_url
from marketplace.order.models import Order

from . import selectors


def card_reminder_send(*, order_id: int, sent_by: str = "") -> bool:
    order = Order.objects.filter(pk=order_id).first()
    if order is None or not order.email:
        return False
    due = selectors.card_due(order)
    if not due.suborders:
        return False
    return email_send_once(
        key=f"card-reminder:{order.number}",
        to=order.email,
        template="order/emails/buyer_card_reminder",
        context={
            "order": order,
            "amount": due.amount,
            "pay_url": site_url(reverse("payments:card", kwargs={"number": order.number})),
        },
        language=recipient_language(order),
        sent_by=sent_by,
    )
