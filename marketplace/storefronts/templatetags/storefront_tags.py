from django import template
from django.utils.safestring import mark_safe

from marketplace.partner.richtext import story_clean

register = template.Library()


@register.filter
def clean_story(html: str) -> str:
    """The story is cleaned on save; cleaning again on display keeps it safe whatever wrote it."""
    return mark_safe(story_clean(html))  # noqa: S308 - nh3 output
