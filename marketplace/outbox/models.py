"""The transactional outbox: work to hand to Celery, written in the same transaction as the
change that causes it, so that nothing is lost when the broker is down."""

from django.db import models


class OutboxMessage(models.Model):
    key = models.CharField(max_length=200, unique=True)
    task = models.CharField(max_length=200)
    kwargs = models.JSONField(default=dict)
    created_at = models.DateTimeField(auto_now_add=True)
    dispatched_at = models.DateTimeField(null=True, blank=True, db_index=True)
    # A timer: not handed to Celery before this moment (the beat dispatcher sends it when due).
    due_at = models.DateTimeField(null=True, blank=True, db_index=True)
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.TextField(blank=True)

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.key
