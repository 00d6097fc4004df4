"""Helpers that build pages the way the admin does: add under a parent, then publish a revision."""

from datetime import date

from wagtail.models import Locale

from cms.models import StoryPage


def add_page(parent, page, *, publish=True):
    parent.add_child(instance=page)
    if publish:
        page.save_revision().publish()
    else:
        page.live = False
        page.save()
    return page


def add_story(
    index, *, title, products=(), cooperatives=(), tags=(), day=date(2026, 10, 1), publish=True, **kw
):
    story = StoryPage(title=title, lead=f"Sa pô: {title}", date=day, **kw)
    index.add_child(instance=story)
    story.products.set(products)
    story.cooperatives.set(cooperatives)
    story.tags.set(list(tags))
    revision = story.save_revision()
    if publish:
        revision.publish()
    else:
        story.live = False
        story.save()
    return story


def translate(page, language="en", **fields):
    """An English version of the page (its parents are translated too), published."""
    locale, __ = Locale.objects.get_or_create(language_code=language)
    copy = page.copy_for_translation(locale, copy_parents=True).specific
    for name, value in fields.items():
        setattr(copy, name, value)
    copy.save_revision().publish()
    return copy
