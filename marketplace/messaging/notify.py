"""The "a message is waiting" email, to the side that has not read it, in that side's language."""

from marketplace.notifications.services import (
    PLATFORM_LANGUAGE,
    email_send_once,
    recipient_language,
    site_url,
)
from marketplace.returns.notify import cooperative_email

from .models import Side
from .selectors import buyer_thread_path, seller_thread_path


def _recipient(conversation, reader: str) -> tuple[str, str, str]:
    """(email, language, link) of the reader."""
    if reader == Side.COOPERATIVE:
        return (
            cooperative_email(conversation.partner),
            PLATFORM_LANGUAGE,
            site_url(seller_thread_path(conversation)),
        )
    order = conversation.suborder.order if conversation.suborder_id else None
    email = order.email if order else (conversation.buyer.email if conversation.buyer_id else "")
    language = recipient_language(order or conversation.buyer)
    return email, language, site_url(buyer_thread_path(conversation))


def unread_email_send(*, conversation, reader: str, first, sent_by: str = "") -> bool:
    email, language, link = _recipient(conversation, reader)
    if not email:
        return False

    return email_send_once(
        key=f"message-unread:{conversation.pk}:{reader}:{first.pk}",
        to=email,
        template="messaging/emails/unread",
        context={
            "conversation": conversation,
            "reader": reader,
            "link": link,
            "partner": conversation.partner,
        },
        language=language,
        sent_by=sent_by,
    )
