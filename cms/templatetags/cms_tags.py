"""Seams where shop pages show CMS content (stories about a product or a cooperative)."""

from django import template

register = template.Library()


def _stories_for(**lookup):
    from cms import selectors

    return selectors.stories_about(**lookup)


@register.inclusion_tag("cms/partials/stories.html")
def stories_for_product(product):
    return {"stories": _stories_for(product=product)}


@register.inclusion_tag("cms/partials/stories.html")
def stories_for_cooperative(cooperative):
    return {"stories": _stories_for(cooperative=cooperative)}
