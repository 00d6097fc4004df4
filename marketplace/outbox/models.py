"""The transactional outbox: the durable record of work that must happen because of a change,
written in the same transaction as that change. A row stays pending until its task reports
success; failures are retried with backoff; what still fails after the retry window (or stops its
worker again and again) becomes a dead letter for alliance staff."""

from datetime import datetime, timedelta

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class OutboxStatus(models.TextChoices):
    PENDING = "pending", _("Đang chờ")
    DONE = "done", _("Đã xong")
    DEAD = "dead", _("Thất bại, cần xử lý")
    DISCARDED = "discarded", _("Đã bỏ qua")


class OutboxMessage(models.Model):
    key = models.CharField(max_length=200, unique=True)
    task = models.CharField(max_length=200)
    kwargs = models.JSONField(default=dict)
    created_at = models.DateTimeField(auto_now_add=True)
    status = models.CharField(max_length=16, choices=OutboxStatus.choices, default=OutboxStatus.PENDING)
    # The last time it was handed to Celery (a hand-off, not a success: see `status`).
    dispatched_at = models.DateTimeField(null=True, blank=True, db_index=True)
    # A timer: not handed to Celery before this moment (the beat dispatcher sends it when due).
    due_at = models.DateTimeField(null=True, blank=True, db_index=True)
    # After a failure: not tried again before this moment (exponential backoff).
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    # A run started and has not reported yet (set before the task runs, in its own transaction, so a
    # run that kills its worker is seen by the next delivery).
    running_since = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveIntegerField(default=0)
    lost_runs = models.PositiveIntegerField(default=0)
    last_error = models.TextField(blank=True)
    # Retries count from here: the creation (or due) time, or the moment staff chose "Thử lại".
    retry_from = models.DateTimeField(null=True, blank=True)
    done_at = models.DateTimeField(null=True, blank=True)
    dead_at = models.DateTimeField(null=True, blank=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    handled_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("Việc cần làm sau")
        verbose_name_plural = _("Việc cần làm sau")
        indexes = [models.Index(fields=["status", "next_attempt_at"], name="outbox_status_next")]

    def __str__(self) -> str:
        return self.key

    @property
    def retry_window_start(self) -> datetime:
        return self.retry_from or self.due_at or self.created_at

    @property
    def deadline(self) -> datetime:
        """By then it is done or a dead letter: see `outbox_deadline_slack`."""
        return self.retry_window_start + outbox_deadline_slack()


def outbox_deadline_slack() -> timedelta:
    """The retry window, then at most one more wait between attempts, then an hour for the
    dispatcher and the workers."""
    return timedelta(seconds=settings.OUTBOX_RETRY_SECONDS + settings.OUTBOX_BACKOFF_MAX_SECONDS + 3600)
