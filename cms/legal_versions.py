"""Legal pages and their versions: a publication of the Vietnamese page that changes its text or its
effective date is frozen as the document's next version (marketplace/legal); the English page is a
translation for reference. The domain asks here where a version can be read."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.utils import timezone

from marketplace.legal import services
from marketplace.legal.links import version_url_register
from marketplace.legal.models import Version


def is_binding(page: Any) -> bool:
    """The Vietnamese page is the text people accept; translations are for reference."""
    locale = getattr(page, "locale", None) if getattr(page, "locale_id", None) else None
    return locale is None or locale.language_code == settings.LANGUAGE_CODE


def version_record(page: Any, revision: Any = None) -> Version | None:
    if not is_binding(page):
        return None
    return services.version_publish(
        kind=page.kind,
        title=page.title,
        body=page.body,
        effective_from=page.effective_from or timezone.localdate(),
        changes=page.changes,
        page_id=page.pk,
        revision_id=getattr(revision, "pk", None),
    )


def version_url(version: Version) -> str | None:
    from cms.models import LegalPage

    page = (
        LegalPage.objects.live()
        .filter(kind=version.kind, locale__language_code=settings.LANGUAGE_CODE)
        .order_by("pk")
        .first()
    )
    if page is None:
        return None
    return f"{page.url}phien-ban/{version.number}/"


def register() -> None:
    version_url_register(version_url)
