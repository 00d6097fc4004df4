"""A record of every notification sent, so that a task run twice sends once."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class SentNotification(models.Model):
    key = models.CharField(max_length=200, unique=True)
    recipient = models.CharField(max_length=254)
    claimed_at = models.DateTimeField(default=timezone.now)
    # Empty while a run is sending it: a claim never marked sent is taken over (see services).
    sent_at = models.DateTimeField(null=True, blank=True)
    sent_by = models.CharField(
        max_length=200, blank=True, help_text=_("The Celery worker that sent it (empty when eager).")
    )

    class Meta:
        verbose_name = _("Thông báo đã gửi")
        verbose_name_plural = _("Thông báo đã gửi")

    def __str__(self) -> str:
        return self.key
