"""The "a message is waiting" email, to the side that has not read it, in that side's language."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation

from marketplace.notifications.services import notification_send_once
from marketplace.notifications.templatetags.recipients import recipient_language
from marketplace.returns.notify import cooperative_email

from .models import Side
from .selectors import buyer_thread_path, seller_thread_path


def _recipient(conversation, reader: str) -> tuple[str, str, str]:
    """(email, language, link) of the reader."""
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    if reader == Side.COOPERATIVE:
        return cooperative_email(conversation.partner), "vi", base + seller_thread_path(conversation)
    order = conversation.suborder.order if conversation.suborder_id else None
    email = order.email if order else (conversation.buyer.email if conversation.buyer_id else "")
    language = recipient_language(order or conversation.buyer)
    return email, language, base + buyer_thread_path(conversation)


def unread_email_send(*, conversation, reader: str, first, sent_by: str = "") -> bool:
    email, language, link = _recipient(conversation, reader)
    if not email:
        return False

    def send():
        context = {
            "conversation": conversation,
            "reader": reader,
            "link": link,
            "partner": conversation.partner,
        }
        with translation.override(language):
            subject = " ".join(render_to_string("messaging/emails/unread_subject.txt", context).split())
            body = render_to_string("messaging/emails/unread_body.txt", context)
        send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [email])

    return notification_send_once(
        key=f"message-unread:{conversation.pk}:{reader}:{first.pk}",
        recipient=email,
        send=send,
        sent_by=sent_by,
    )
