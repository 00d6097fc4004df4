"""Each step of a return is emailed to both sides, each in its own language: the buyer in the
language the order was placed in, the cooperative in Vietnamese. Sent once per step and side. An
escalation is also emailed to the alliance's staff, who decide it."""

from django.urls import reverse

from marketplace.notifications.services import (
    PLATFORM_LANGUAGE,
    email_send_once,
    recipient_language,
    site_url,
    staff_emails,
)

from .models import ReturnEvent, ReturnStep


def cooperative_email(partner) -> str:
    """The cooperative's contact address, else its first staff member's (a cooperative that never
    filled in a contact address still hears about its returns and messages)."""
    if partner.email:
        return partner.email
    return (
        partner.users.filter(is_active=True)
        .exclude(email="")
        .order_by("pk")
        .values_list("email", flat=True)
        .first()
        or ""
    )


def return_event_notify(*, event_id: int, sent_by: str = "") -> int:
    """Email the step to the buyer and to the cooperative; returns how many were sent now."""
    event = (
        ReturnEvent.objects.select_related("request__suborder__order", "request__suborder__partner")
        .filter(pk=event_id)
        .first()
    )
    if event is None:
        return 0
    request = event.request
    suborder, order = request.suborder, request.suborder.order
    context = {
        "event": event,
        "request": request,
        "suborder": suborder,
        "order": order,
        "buyer_url": site_url(reverse("orders:detail", kwargs={"number": order.number})),
        "seller_url": site_url(reverse("seller:return-detail", kwargs={"pk": request.pk})),
    }
    sent = 0
    if order.email:
        sent += email_send_once(
            key=f"return-event:{event.pk}:buyer",
            to=order.email,
            template="returns/emails/buyer_update",
            context=context,
            language=recipient_language(order),
            sent_by=sent_by,
        )
    email = cooperative_email(suborder.partner)
    if email:
        sent += email_send_once(
            key=f"return-event:{event.pk}:cooperative",
            to=email,
            template="returns/emails/cooperative_update",
            context=context,
            language=PLATFORM_LANGUAGE,
            sent_by=sent_by,
        )
    staff = staff_emails() if event.step == ReturnStep.ESCALATED else []
    if staff:
        context["staff_url"] = site_url(reverse("returns-alliance:detail", kwargs={"pk": request.pk}))
        sent += email_send_once(
            key=f"return-event:{event.pk}:alliance",
            to=staff,
            template="returns/emails/alliance_escalated",
            context=context,
            language=PLATFORM_LANGUAGE,
            sent_by=sent_by,
        )
    return sent
