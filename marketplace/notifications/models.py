"""A record of every notification sent, so that a task run twice sends once."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class SentNotification(models.Model):
    key = models.CharField(max_length=200, unique=True)
    recipient = models.CharField(max_length=254)
    sent_at = models.DateTimeField(auto_now_add=True)
    sent_by = models.CharField(
        max_length=200, blank=True, help_text=_("The Celery worker that sent it (empty when eager).")
    )

    class Meta:
        verbose_name = _("Thông báo đã gửi")
        verbose_name_plural = _("Thông báo đã gửi")

    def __str__(self) -> str:
        return self.key
