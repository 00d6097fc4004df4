"""Records written once and never changed or deleted (money, consents, moderation histories): a
correction is a new row."""

from typing import Any

from django.db import models


class AppendOnly(models.Model):
    """Refuses to save an existing row or to delete one (the ledger's tables also refuse in the
    database, through a trigger on PostgreSQL)."""

    class Meta:
        abstract = True

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise ValueError(f"{type(self).__name__} rows are never changed: add a new row instead.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> Any:
        raise ValueError(f"{type(self).__name__} rows are never deleted.")
