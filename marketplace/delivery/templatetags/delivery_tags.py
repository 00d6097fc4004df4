"""{% shipping_sentence partner product=product as sentence %}: the cooperative's delivery in one
sentence (marketplace/delivery/summary.py), for the storefront and product pages."""

from django import template

from marketplace.delivery.selectors import settings_of
from marketplace.delivery.summary import shipping_summary

register = template.Library()


@register.simple_tag
def shipping_sentence(partner, product=None) -> str:
    if partner is None:
        return ""
    return shipping_summary(
        settings_of(partner), partner, local_only=bool(getattr(product, "local_only", False))
    )
