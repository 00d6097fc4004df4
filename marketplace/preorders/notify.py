"""Pre-order emails, each sent once (`email_send_once`) in the buyer's language."""

from __future__ import annotations

from marketplace.notifications.services import email_send_once, recipient_language, site_url
from marketplace.order.models import SubOrder
from marketplace.order.services import order_status_path

from . import text
from .models import DateChange

TEMPLATES = "preorders/emails"


def date_moved_notify(*, change_id: int, suborder_id: int, sent_by: str = "") -> bool:
    """Tell the buyer the delivery dates moved and that they may cancel. True if sent now."""
    change = DateChange.objects.select_related("offer__product").filter(pk=change_id).first()
    suborder = SubOrder.objects.select_related("order", "partner").filter(pk=suborder_id).first()
    if change is None or suborder is None or not suborder.order.email:
        return False
    order = suborder.order
    return email_send_once(
        key=f"preorder-date-moved:{change.pk}:{suborder.number}",
        to=order.email,
        template=f"{TEMPLATES}/buyer_date_moved",
        context={
            "change": change,
            "suborder": suborder,
            "order": order,
            "old_dates": text.delivery_words(change.old_from, change.old_until),
            "new_dates": text.delivery_words(change.new_from, change.new_until),
            "status_url": site_url(order_status_path(order)),
        },
        language=recipient_language(order),
        sent_by=sent_by,
    )


def deposit_reminder_send(*, suborder_id: int, sent_by: str = "") -> bool:
    """Remind the buyer once that the deposit has not arrived, with the transfer details and the
    deadline (the cancel timer's due time). True if sent now."""
    from . import selectors

    suborder = SubOrder.objects.select_related("order", "partner").filter(pk=suborder_id).first()
    if suborder is None or not suborder.order.email:
        return False
    info = selectors.suborder_preorder(suborder)
    if info is None or not info.awaits_deposit:
        return False
    order = suborder.order
    return email_send_once(
        key=f"deposit-reminder:{suborder.number}",
        to=order.email,
        template=f"{TEMPLATES}/buyer_deposit_reminder",
        context={
            "suborder": suborder,
            "order": order,
            "preorder": info,
            "status_url": site_url(order_status_path(order)),
        },
        language=recipient_language(order),
        sent_by=sent_by,
    )
