"""Writes: a document's next version, and a person's acceptance of versions."""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.db import transaction

from .models import Consent, Version


class VersionRefused(ValueError):
    """A new version may not take effect before the one it follows."""


@transaction.atomic
def version_publish(
    *,
    kind: str,
    title: str,
    body: str,
    effective_from: datetime.date,
    changes: str = "",
    page_id: int | None = None,
    revision_id: int | None = None,
) -> Version | None:
    """Freeze the published text as the document's next version. Nothing is written when the text
    and the effective date are those of the latest version (a title or SEO change is no new version)."""
    latest = Version.objects.select_for_update().filter(kind=kind).order_by("-number").first()
    if latest is not None:
        if latest.body == body and latest.effective_from == effective_from:
            return None
        if effective_from < latest.effective_from:
            raise VersionRefused(
                f"Phiên bản mới không thể có hiệu lực trước phiên bản {latest.number} "
                f"({latest.effective_from:%d/%m/%Y})."
            )
    return Version.objects.create(
        kind=kind,
        number=(latest.number + 1) if latest else 1,
        title=title,
        body=body,
        effective_from=effective_from,
        changes=changes,
        page_id=page_id,
        revision_id=revision_id,
    )


def consent_record(
    *,
    versions: Iterable[Version],
    context: str,
    user=None,
    email: str = "",
    partner=None,
    order_number: str = "",
    ip: str | None = None,
) -> list[Consent]:
    """One row per version accepted: who (a user, or a guest's email), in which step, when, from where."""
    user = user if getattr(user, "is_authenticated", False) else None
    email = email or (getattr(user, "email", "") if user is not None else "")
    return [
        Consent.objects.create(
            version=version,
            user=user,
            email=email,
            partner=partner,
            order_number=order_number,
            context=context,
            ip=None if ip in (None, "", "0.0.0.0") else ip,  # noqa: S104 - the unknown-address placeholder
        )
        for version in versions
    ]
