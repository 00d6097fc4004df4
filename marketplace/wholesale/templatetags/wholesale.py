"""{% wholesale_offer product price as wholesale %}: a product's tiers and minimum for its page,
from what the product page prefetched (`price_tiers`, `wholesale_terms`), without a query."""

from decimal import Decimal
from typing import Any

from django import template
from django.core.exceptions import ObjectDoesNotExist

from marketplace.wholesale import selectors

register = template.Library()


@register.simple_tag
def wholesale_offer(product: Any, price: Any = None) -> dict[str, Any]:
    base = int(price) if price is not None else None
    try:
        terms = product.wholesale_terms
    except ObjectDoesNotExist:
        terms = None
    minimum = terms.min_order_quantity if terms else 1
    rows = []
    tiers = sorted((tier.min_quantity, tier.unit_price) for tier in product.price_tiers.all())
    if tiers and base:
        first = tiers[0][0]
        if minimum < first:
            rows.append({"from": minimum, "to": first - 1, "price": base, "saving": 0})
        for index, (quantity, unit_price) in enumerate(tiers):
            upper = tiers[index + 1][0] - 1 if index + 1 < len(tiers) else None
            if upper is not None and upper < minimum:
                continue
            saving = round((1 - Decimal(unit_price) / Decimal(base)) * 100)
            rows.append({"from": max(quantity, minimum), "to": upper, "price": unit_price, "saving": saving})
    return {"tiers": rows, "minimum": minimum, "wholesale_only": minimum > 1}


@register.simple_tag(takes_context=True)
def card_minimum(context: template.Context, product: Any) -> int:
    """The quantity a product card's basket button adds: the product's minimum per order (1 unless
    it is sold only in quantity). Every minimum is read once per request (one small query)."""
    if product is None:
        return 1
    holder: Any = context.get("request")
    if holder is None:
        holder = context.render_context
        found = holder.get("wholesale_minimums")
        if found is None:
            found = holder["wholesale_minimums"] = selectors.min_order_quantities()
    else:
        found = getattr(holder, "_wholesale_minimums", None)
        if found is None:
            found = holder._wholesale_minimums = selectors.min_order_quantities()
    return int(found.get(product.pk, 1))
