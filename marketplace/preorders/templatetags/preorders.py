"""Pre-orders in templates: the product's current offer (all current offers read once per request,
so a page of cards costs one query), the words for an offer, a line's pre-order, a sub-order's
pre-order with its deposit."""

from __future__ import annotations

from typing import Any

from django import template

from marketplace.preorders import selectors, text
from marketplace.preorders.models import PreorderLine, PreorderOffer

register = template.Library()


def _offers(context: template.Context) -> dict[int, PreorderOffer]:
    holder = context.get("request")
    if holder is None:
        holder = context.render_context
        found = holder.get("preorder_offers")
        if found is None:
            found = holder["preorder_offers"] = selectors.current_offers_cached()
        return found
    strategy = getattr(holder, "strategy", None)  # the basket strategy's own copy, when it has one
    if strategy is not None and hasattr(strategy, "preorder_offers"):
        offers: dict[int, PreorderOffer] = strategy.preorder_offers
        return offers
    found = getattr(holder, "_preorder_offers", None)
    if found is None:
        found = selectors.current_offers_cached()
        holder._preorder_offers = found
    return found


@register.simple_tag(takes_context=True)
def product_preorder(context: template.Context, product: Any) -> PreorderOffer | None:
    if product is None:
        return None
    return _offers(context).get(product.pk)


@register.filter
def preorder_summary(offer: PreorderOffer) -> str:
    return text.offer_summary(offer)


@register.filter
def preorder_window(offer: PreorderOffer) -> str:
    return text.window_words(offer)


@register.filter
def preorder_state(offer: PreorderOffer) -> str:
    return selectors.state(offer)


@register.filter
def preorder_left(offer: PreorderOffer) -> int:
    return selectors.remaining(offer)


@register.simple_tag
def line_preorder(line: Any) -> PreorderLine | None:
    """The order line's pre-order (with its offer's current dates), or None."""
    found: PreorderLine | None = (
        PreorderLine.objects.select_related("offer", "offer__product").filter(line_id=line.pk).first()
    )
    return found


@register.simple_tag
def suborder_preorder(suborder: Any) -> selectors.SubOrderPreorder | None:
    return selectors.suborder_preorder(suborder)


@register.filter
def delivery_words(change: Any) -> str:
    return text.delivery_words(change.new_from, change.new_until)


@register.filter
def old_delivery_words(change: Any) -> str:
    return text.delivery_words(change.old_from, change.old_until)


@register.filter
def preorder_delivery(offer: PreorderOffer) -> str:
    """ "Đặt trước — giao từ 15/01/2027 đến 20/01/2027" (a card's short line, without the deposit)."""
    return text.offer_summary(offer, with_deposit=False)


@register.simple_tag(takes_context=True)
def card_buyable(context: template.Context, product: Any, record: Any) -> bool:
    """Whether a card shows its basket button: a current pre-order while open with units left, else stock."""
    offer = product_preorder(context, product)
    if offer is not None:
        return selectors.state(offer) == selectors.OPEN and selectors.remaining(offer) > 0
    return record is not None and (record.net_stock_level or 0) > 0
