"""What cached CMS content depends on: any published, unpublished, moved or deleted page, a changed
site or operator's details makes the cached footer, operator details and story lists stale
(marketplace/core/fragments.py, kind "cms")."""

from typing import Any

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Page, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from marketplace.core import fragments

from .models import OperatorSettings


@receiver(page_published)
@receiver(page_unpublished)
@receiver(post_page_move)
def page_changed(sender: Any, instance: Any, **kwargs: Any) -> None:
    fragments.bump("cms")


@receiver(page_published)
def legal_page_published(sender: Any, instance: Any, revision: Any = None, **kwargs: Any) -> None:
    """A legal page's new text or effective date becomes the document's next version."""
    from .legal_versions import version_record
    from .models import LegalPage

    if isinstance(instance.specific, LegalPage):
        version_record(instance.specific, revision)


@receiver(post_delete, sender=Page)
@receiver(post_save, sender=Site)
@receiver(post_delete, sender=Site)
@receiver(post_save, sender=OperatorSettings)
def settings_changed(
    sender: Any, instance: Any, raw: bool = False, created: bool = False, **kwargs: Any
) -> None:
    if sender is OperatorSettings and created:  # made empty on first read: nothing shown changes
        return
    fragments.bump("cms")
