"""Writes for conversations: open one (about a sub-order, or a question before buying), send a
message, mark a conversation read, and the reminder email for a message left unread.

Each message sets a timer in the outbox (due after MESSAGES_UNREAD_EMAIL_MINUTES) in the sending
transaction; when it fires, the other side is emailed once if it still has not read the conversation.
"""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from marketplace.outbox.services import outbox_add

from .exceptions import MessageRefused
from .models import Conversation, Message, Side

TASKS = "marketplace.messaging.tasks"
MAX_LENGTH = 2000


def conversation_for_suborder(*, suborder) -> Conversation:
    """The sub-order's conversation, created on first use."""
    conversation, __ = Conversation.objects.get_or_create(
        suborder=suborder,
        defaults={
            "partner_id": suborder.partner_id,
            "buyer_id": suborder.order.user_id,
            "subject": _("Đơn %(number)s") % {"number": suborder.number},
        },
    )
    return conversation


def conversation_presale(*, partner, buyer, product=None) -> Conversation:
    """The signed-in buyer's conversation with a cooperative before buying (one per pair)."""
    if not getattr(buyer, "is_authenticated", False):
        raise MessageRefused(_("Hãy đăng nhập để hỏi hợp tác xã."))
    conversation, __ = Conversation.objects.get_or_create(
        partner=partner,
        buyer=buyer,
        suborder=None,
        defaults={"product": product, "subject": product.get_title() if product else partner.name},
    )
    if product is not None and conversation.product_id != product.pk:
        conversation.product = product
        conversation.subject = product.get_title()[:255]
        conversation.save(update_fields=["product", "subject"])
    return conversation


def message_send(*, conversation_id: int, side: str, body: str = "", photo=None, author=None) -> Message:
    """One message from `side`. `photo` is already checked (marketplace/seller/uploads.py).
    The text is stored as typed: pages escape it and link only web addresses and phone numbers."""
    body = body.replace("\x00", "").strip()
    if not body and photo is None:
        raise MessageRefused(_("Hãy viết tin nhắn hoặc gửi một ảnh."))
    if len(body) > MAX_LENGTH:
        raise MessageRefused(_("Tin nhắn dài quá %(n)s ký tự.") % {"n": MAX_LENGTH})
    if side not in Side.values:
        raise MessageRefused(_("Không gửi được tin nhắn."))
    with transaction.atomic():
        conversation = Conversation.objects.select_for_update().get(pk=conversation_id)
        message = Message.objects.create(
            conversation=conversation,
            side=side,
            author=author if getattr(author, "is_authenticated", False) else None,
            body=body,
            photo=photo or "",
        )
        now = message.created_at
        fields = {"last_message_at": now}
        if side == Side.BUYER:
            fields.update(buyer_last_message_at=now, buyer_read_at=now)
        else:
            fields.update(cooperative_last_message_at=now, cooperative_read_at=now)
        Conversation.objects.filter(pk=conversation.pk).update(**fields)
        outbox_add(
            key=f"message-unread-timer:{message.pk}",
            task=f"{TASKS}.message_unread_remind",
            due_at=now + timedelta(minutes=settings.MESSAGES_UNREAD_EMAIL_MINUTES),
            message_id=message.pk,
        )
    return message


def conversation_read(*, conversation: Conversation, side: str) -> None:
    """The side has seen the conversation up to now (one UPDATE, only when something was unread)."""
    if not conversation.unread_for(side):
        return
    field = "cooperative_read_at" if side == Side.COOPERATIVE else "buyer_read_at"
    now = timezone.now()
    Conversation.objects.filter(pk=conversation.pk).update(**{field: now})
    setattr(conversation, field, now)


def message_unread_remind(*, message_id: int, sent_by: str = "") -> bool:
    """The timer of a message: if the other side still has not read it, email them once for this
    stretch of unread messages (safe to run twice: the email's key is the stretch's first message)."""
    from .notify import unread_email_send

    message = Message.objects.select_related("conversation").filter(pk=message_id).first()
    if message is None:
        return False
    conversation = message.conversation
    reader = Side.COOPERATIVE if message.side == Side.BUYER else Side.BUYER
    read_at = conversation.cooperative_read_at if reader == Side.COOPERATIVE else conversation.buyer_read_at
    if read_at is not None and read_at >= message.created_at:
        return False
    first_unread = conversation.messages.filter(side=message.side)
    if read_at is not None:
        first_unread = first_unread.filter(created_at__gt=read_at)
    first = first_unread.order_by("created_at", "pk").first()
    return unread_email_send(
        conversation=conversation, reader=reader, first=first or message, sent_by=sent_by
    )
