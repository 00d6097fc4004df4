"""Reads for selling in quantity: tiers, minimum quantities and quotes."""

from collections import defaultdict
from collections.abc import Iterable
from datetime import date

from django.db.models import QuerySet
from django.utils import timezone

from .models import PriceTier, Quote, QuoteStatus, WholesaleTerms


def tiers_for(product_ids: Iterable[int]) -> dict[int, list[tuple[int, int]]]:
    """{product id: [(from quantity, unit price), …] ascending}, one query."""
    found: dict[int, list[tuple[int, int]]] = defaultdict(list)
    rows = PriceTier.objects.filter(product_id__in=set(product_ids)).order_by("product_id", "min_quantity")
    for product_id, min_quantity, unit_price in rows.values_list("product_id", "min_quantity", "unit_price"):
        found[product_id].append((min_quantity, unit_price))
    return found


def min_order_quantities() -> dict[int, int]:
    """{product id: minimum quantity} of the products sold only in quantity (a small table)."""
    rows = WholesaleTerms.objects.filter(min_order_quantity__gt=1)
    return dict(rows.values_list("product_id", "min_order_quantity"))


def quotes_in_basket(*, basket_id: int, owner_id: int | None, today: date | None = None) -> dict[int, Quote]:
    """{product id: quote} of the answered, unexpired quotes put in this basket by its owner."""
    if owner_id is None:
        return {}
    today = today or timezone.localdate()
    quotes = Quote.objects.filter(
        basket_id=basket_id,
        buyer_id=owner_id,
        status=QuoteStatus.ANSWERED,
        valid_until__gte=today,
        unit_price__isnull=False,
    ).order_by("answered_at", "pk")
    return {quote.product_id: quote for quote in quotes}


def quote_is_usable(quote: Quote, today: date | None = None) -> bool:
    """Answered, not expired and not yet ordered: the buyer may still put it in the basket."""
    today = today or timezone.localdate()
    if quote.status != QuoteStatus.ANSWERED or quote.valid_until is None or quote.valid_until < today:
        return False
    return not quote_is_used(quote)


def quote_is_used(quote: Quote) -> bool:
    basket = quote.basket
    return basket is not None and basket.status == "Submitted"


def quote_state(quote: Quote, today: date | None = None) -> str:
    """requested, answered, declined, expired or used: what the buyer and the cooperative read."""
    today = today or timezone.localdate()
    if quote.status != QuoteStatus.ANSWERED:
        return str(quote.status)
    if quote_is_used(quote):
        return "used"
    if quote.valid_until is None or quote.valid_until < today:
        return "expired"
    return "answered"


def quotes_of_buyer(user) -> QuerySet[Quote]:
    return Quote.objects.filter(buyer=user).select_related("product", "partner", "basket")


def quotes_of_partner(partner) -> QuerySet[Quote]:
    return Quote.objects.filter(partner=partner).select_related("product", "buyer", "basket")


def open_quote_count(partner) -> int:
    return Quote.objects.filter(partner=partner, status=QuoteStatus.REQUESTED).count()
