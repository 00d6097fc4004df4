"""Conversations between a buyer and a cooperative: one per sub-order, or a question asked before
buying (from a product page or a storefront). Text and photos; private to the two sides (and
alliance staff deciding an escalated return of that sub-order)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from marketplace.partner.storage import private_storage


class Side(models.TextChoices):
    BUYER = "buyer", _("Người mua")
    COOPERATIVE = "cooperative", _("Hợp tác xã")


def photo_upload_to(instance, filename: str) -> str:
    import uuid

    return f"messages/{uuid.uuid4().hex}.jpg"


class Conversation(models.Model):
    partner = models.ForeignKey("partner.Partner", on_delete=models.PROTECT, related_name="conversations")
    #: The sub-order this conversation is about (at most one conversation each), or empty for a
    #: question asked before buying.
    suborder = models.OneToOneField(
        "order.SubOrder", null=True, blank=True, on_delete=models.PROTECT, related_name="conversation"
    )
    #: The signed-in buyer (a pre-sale question always has one; an order's guest buyer has none).
    buyer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="conversations",
    )
    product = models.ForeignKey(
        "catalogue.Product", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    subject = models.CharField(_("Chủ đề"), max_length=255, blank=True)
    # When each side last wrote and last read: the unread count and the reminder email come from these.
    buyer_last_message_at = models.DateTimeField(null=True, blank=True)
    cooperative_last_message_at = models.DateTimeField(null=True, blank=True)
    buyer_read_at = models.DateTimeField(null=True, blank=True)
    cooperative_read_at = models.DateTimeField(null=True, blank=True)
    last_message_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-last_message_at", "-pk"]
        verbose_name = _("Cuộc trò chuyện")
        verbose_name_plural = _("Cuộc trò chuyện")
        indexes = [models.Index(fields=["partner", "last_message_at"], name="conversation_partner_last")]
        constraints = [
            models.UniqueConstraint(
                fields=["partner", "buyer"],
                condition=models.Q(suborder__isnull=True),
                name="conversation_one_presale_per_buyer",
            )
        ]

    def __str__(self) -> str:
        return self.subject or f"#{self.pk}"

    def unread_for(self, side: str) -> bool:
        if side == Side.COOPERATIVE:
            last, read = self.buyer_last_message_at, self.cooperative_read_at
        else:
            last, read = self.cooperative_last_message_at, self.buyer_read_at
        return last is not None and (read is None or read < last)


class Message(models.Model):
    conversation = models.ForeignKey(Conversation, on_delete=models.CASCADE, related_name="messages")
    side = models.CharField(max_length=16, choices=Side.choices)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    body = models.TextField(_("Nội dung"), max_length=2000, blank=True)
    photo = models.FileField(upload_to=photo_upload_to, storage=private_storage, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.conversation_id}: {self.side}"
