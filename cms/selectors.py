"""Reads of CMS content, for CMS pages and for the shop's pages (stories about a product or cooperative)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db.models import Q, QuerySet
from django.http import HttpRequest
from django.utils import translation
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Page

from marketplace.catalogue.models import Product
from marketplace.catalogue.selectors import on_sale_in_order, on_sale_products
from marketplace.ocop.models import Certificate
from marketplace.partner.models import Partner

from .models.base import SeoPage
from .models.legal import ComplaintsPage, LegalKind, LegalPage
from .models.stories import StoryPage


def _active_language() -> str:
    """The visitor's content language code. Pages are filtered by their locale's code rather than
    through `Locale.get_active()`, which costs a query and raises while no locale exists."""
    try:
        return get_supported_content_language_variant(translation.get_language() or settings.LANGUAGE_CODE)
    except LookupError:
        return _default_language()


def _default_language() -> str:
    return get_supported_content_language_variant(settings.LANGUAGE_CODE)


def _in_active_language(stories: Iterable[StoryPage]) -> list[StoryPage]:
    """Each story in the visitor's language when that translation is live, else as written."""
    stories = list(stories)
    if not stories:
        return []
    translated = {
        story.translation_key: story
        for story in StoryPage.objects.live()
        .public()
        .filter(
            locale__language_code=_active_language(), translation_key__in=[s.translation_key for s in stories]
        )
        .select_related("cover_image")
    }
    return [translated.get(story.translation_key, story) for story in stories]


def _stories_in_default_language() -> QuerySet[StoryPage]:
    stories: QuerySet[StoryPage] = (
        StoryPage.objects.live()
        .public()
        .filter(locale__language_code=_default_language())
        .select_related("cover_image")
        .order_by("-date", "-first_published_at", "-pk")
    )
    return stories


def stories_about(
    *, product: Product | None = None, cooperative: Partner | None = None, limit: int = 6
) -> list[StoryPage]:
    """Published stories about this product or cooperative, newest first.

    Editors link a story to products and cooperatives once, on the story; a cooperative also gets the
    stories about the products it sells."""
    if product is None and cooperative is None:
        return []
    lookup = Q()
    if product is not None:
        lookup |= Q(products=product)
    if cooperative is not None:
        lookup |= Q(cooperatives=cooperative) | Q(products__stockrecords__partner=cooperative)
    ids = set(_stories_in_default_language().filter(lookup).values_list("pk", flat=True))
    stories = _stories_in_default_language().filter(pk__in=ids)[:limit]
    return _in_active_language(stories)


def latest_stories(*, limit: int = 3) -> list[StoryPage]:
    return _in_active_language(_stories_in_default_language()[:limit])


def campaign_products(campaign: SeoPage) -> list[Product]:
    """(`campaign` is a `CampaignPage`, which imports this module.)"""
    """The campaign's grid: its hand-picked products, or every product on sale matching its rule."""
    if campaign.is_hand_picked:
        return on_sale_in_order([p.pk for p in campaign.products.all()])[: campaign.limit]
    products = on_sale_products()
    if campaign.rule_category_id:
        products = products.filter(categories__in=campaign.rule_category.get_descendants_and_self())
    if campaign.rule_min_stars:
        valid = Certificate.objects.valid().filter(stars__gte=campaign.rule_min_stars)
        products = products.filter(ocop_certificates__in=valid)
    if campaign.rule_cooperative_id:
        products = products.filter(stockrecords__partner_id=campaign.rule_cooperative_id)
    if campaign.rule_min_price is not None:
        products = products.filter(min_price__gte=campaign.rule_min_price)
    if campaign.rule_max_price is not None:
        products = products.filter(min_price__lte=campaign.rule_max_price)
    return list(products.order_by("min_price", "pk")[: campaign.limit])


@dataclass(frozen=True)
class PollResult:
    choice: str
    votes: int
    percent: int


def poll_results(poll: SeoPage) -> list[PollResult]:
    """Votes per choice of the poll's first choice field, in the order the editor wrote the choices."""
    field = poll.get_form_fields().first()
    if field is None:
        return []
    choices = [c.strip() for c in field.choices.splitlines() if c.strip()] or [
        c.strip() for c in field.choices.split(",") if c.strip()
    ]
    counts: Counter[str] = Counter()
    for data in poll.get_submission_class().objects.filter(page=poll).values_list("form_data", flat=True):
        answer = data.get(field.clean_name)
        for value in answer if isinstance(answer, list) else [answer]:
            counts[value] += 1
    total = sum(counts[c] for c in choices) or 1
    return [PollResult(c, counts[c], round(100 * counts[c] / total)) for c in choices]


def footer_pages() -> list[Page]:
    """The legal pages and the complaints page, in the visitor's language when translated."""
    order = {kind: index for index, kind in enumerate(LegalKind.values)}
    pages = list(
        Page.objects.live()
        .public()
        .type(LegalPage, ComplaintsPage)
        .filter(locale__language_code=_active_language())
        .specific()
    ) or list(
        Page.objects.live()
        .public()
        .type(LegalPage, ComplaintsPage)
        .filter(locale__language_code=_default_language())
        .specific()
    )
    return sorted(pages, key=lambda page: order.get(getattr(page, "kind", ""), len(order)))


def footer_links(request: HttpRequest | None = None) -> list[dict[str, Any]]:
    """The footer's policy links (title and address), from the cache: the same on every page, so a
    page costs no query for them; publishing, unpublishing, moving or deleting a page, or changing
    a site, bumps the "cms" version (cms/receivers.py)."""
    from marketplace.core import fragments

    host = request.get_host() if request is not None else ""

    def compute() -> list[dict[str, Any]]:
        return [{"title": page.title, "url": page.get_url(request)} for page in footer_pages()]

    return fragments.cached("cms", ("footer", host), compute)
