"""The heart on product cards and pages: {% is_saved product as saved %} (one query per request)."""

from django import template
from django.template import Context

from marketplace.catalogue.models import Product
from marketplace.wishlists.selectors import saved_product_ids

register = template.Library()
CACHE_ATTR = "_saved_product_ids"


@register.simple_tag(takes_context=True)
def is_saved(context: Context, product: Product) -> bool:
    request = context.get("request")
    if request is None or not request.user.is_authenticated:
        return False
    if not hasattr(request, CACHE_ATTR):
        setattr(request, CACHE_ATTR, saved_product_ids(user=request.user))
    return product.pk in getattr(request, CACHE_ATTR)
