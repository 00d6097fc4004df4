"""Whether any offer (a discount, a voucher's offer) could apply to a basket, read from the cache.

Oscar applies every offer to the basket whenever it is loaded and again after each change (for
its "offer gained / lost" messages): two queries (the basket's vouchers, the site's offers) and
a pass over every line, each time. The alliance's floor runs no offers, so the basket middleware
(`marketplace/core/basket_middleware.py`) and the add-to-basket view skip that work while there
is none. An offer counts from its creation until its end date has passed, whatever its status
or start date, so an offer that starts later is applied the moment it starts. Saving or deleting
an offer drops the cached answer, at once and again when the change commits (one cache read per
request, as `marketplace/preorders/selectors.py` keeps the pre-order offers), and it expires
after `FRAGMENT_CACHE_SECONDS` whatever happens (an offer created by a bulk insert, no signal)."""

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models import Q
from django.db.models.signals import post_delete, post_save
from django.http import HttpRequest
from django.utils import timezone
from oscar.core.loading import get_model

KEY = "offers:running"

ConditionalOffer = get_model("offer", "ConditionalOffer")


def _any_offer() -> bool:
    not_ended = Q(end_datetime__isnull=True) | Q(end_datetime__gt=timezone.now())
    return ConditionalOffer.objects.filter(not_ended).exists()


def offers_running(request: HttpRequest | None = None) -> bool:
    """True while some offer exists that has not ended (the cache's answer, or one query), read
    once per request when given the request."""
    running = getattr(request, "_chohtx_offers_running", None)
    if running is None:
        running = cache.get(KEY)
        if running is None:
            running = _any_offer()
            cache.set(KEY, running, settings.FRAGMENT_CACHE_SECONDS)
        if request is not None:
            request._chohtx_offers_running = running  # type: ignore[attr-defined]
    return bool(running)


def _offer_changed(sender, **kwargs) -> None:
    cache.delete(KEY)
    transaction.on_commit(lambda: cache.delete(KEY))


post_save.connect(_offer_changed, sender=ConditionalOffer, dispatch_uid="chohtx-offers-running-save")
post_delete.connect(_offer_changed, sender=ConditionalOffer, dispatch_uid="chohtx-offers-running-delete")
