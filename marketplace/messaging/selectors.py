"""Reads for conversations: a cooperative's inbox and unread count, a buyer's conversations, one
thread, and who may read it."""

from __future__ import annotations

from django.db.models import F, Q, QuerySet
from django.urls import reverse

from .models import Conversation, Message

UNREAD_BY_COOPERATIVE = Q(buyer_last_message_at__isnull=False) & (
    Q(cooperative_read_at__isnull=True) | Q(cooperative_read_at__lt=F("buyer_last_message_at"))
)
UNREAD_BY_BUYER = Q(cooperative_last_message_at__isnull=False) & (
    Q(buyer_read_at__isnull=True) | Q(buyer_read_at__lt=F("cooperative_last_message_at"))
)


def unread_count_for_partner(partner) -> int:
    """Conversations with a buyer's message the cooperative has not read (one query)."""
    return Conversation.objects.filter(UNREAD_BY_COOPERATIVE, partner=partner).count()


def conversations_of_partner(partner, *, unread_only: bool = False) -> QuerySet:
    queryset = Conversation.objects.filter(partner=partner, last_message_at__isnull=False).select_related(
        "suborder", "buyer", "product"
    )
    return queryset.filter(UNREAD_BY_COOPERATIVE) if unread_only else queryset


def conversation_of_partner(partner, pk) -> Conversation | None:
    return (
        Conversation.objects.filter(partner=partner, pk=pk).select_related("suborder__order", "buyer").first()
    )


def conversations_of_buyer(user) -> QuerySet:
    """A signed-in buyer's conversations: their pre-sale questions and their orders' threads."""
    return (
        Conversation.objects.filter(
            Q(buyer=user) | Q(suborder__order__user=user), last_message_at__isnull=False
        )
        .select_related("partner", "suborder__order", "product")
        .distinct()
    )


def presale_conversation_of_buyer(user, pk) -> Conversation | None:
    return (
        Conversation.objects.filter(pk=pk, buyer=user, suborder__isnull=True)
        .select_related("partner")
        .first()
        if user.is_authenticated
        else None
    )


def presale_conversation(*, user, partner) -> Conversation | None:
    return Conversation.objects.filter(buyer=user, partner=partner, suborder__isnull=True).first()


def messages_of(conversation: Conversation) -> QuerySet:
    return Message.objects.filter(conversation=conversation).select_related("author")


def message_with_photo(conversation: Conversation, pk) -> Message | None:
    return Message.objects.filter(conversation=conversation, pk=pk).exclude(photo="").first()


def buyer_thread_path(conversation: Conversation) -> str:
    if conversation.suborder_id:
        suborder = conversation.suborder
        assert suborder is not None  # suborder_id is set
        return reverse(
            "messaging:order-thread", kwargs={"number": suborder.order.number, "suborder": suborder.number}
        )
    return reverse("messaging:thread", kwargs={"pk": conversation.pk})


def seller_thread_path(conversation: Conversation) -> str:
    return reverse("seller:message-thread", kwargs={"pk": conversation.pk})


def conversation_of_escalated_suborder(suborder_id) -> Conversation | None:
    """The conversation of a sub-order, for alliance staff deciding its escalated return."""
    return Conversation.objects.filter(suborder_id=suborder_id).first()
