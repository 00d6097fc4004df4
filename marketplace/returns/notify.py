"""Each step of a return is emailed to both sides, each in its own language: the buyer in the
language the order was placed in, the cooperative in Vietnamese. Sent once per step and side."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from marketplace.notifications.services import notification_send_once
from marketplace.notifications.templatetags.recipients import recipient_language

from .models import ReturnEvent


def _send(template: str, *, to: str, language: str, context: dict) -> None:
    with translation.override(language):
        subject = " ".join(render_to_string(f"returns/emails/{template}_subject.txt", context).split())
        body = render_to_string(f"returns/emails/{template}_body.txt", context)
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [to])


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
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    context = {
        "event": event,
        "request": request,
        "suborder": suborder,
        "order": order,
        "buyer_url": base + reverse("orders:detail", kwargs={"number": order.number}),
        "seller_url": base + reverse("seller:return-detail", kwargs={"pk": request.pk}),
    }
    sent = 0
    if order.email:
        sent += notification_send_once(
            key=f"return-event:{event.pk}:buyer",
            recipient=order.email,
            send=lambda: _send(
                "buyer_update", to=order.email, language=recipient_language(order), context=context
            ),
            sent_by=sent_by,
        )
    email = cooperative_email(suborder.partner)
    if email:
        sent += notification_send_once(
            key=f"return-event:{event.pk}:cooperative",
            recipient=email,
            send=lambda: _send("cooperative_update", to=email, language="vi", context=context),
            sent_by=sent_by,
        )
    return sent
