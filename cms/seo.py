"""Search engines and sharing: schema.org JSON-LD, canonical and hreflang links, sitemap entries.

Everything here returns plain data; templates (cms_tags) and the sitemap turn it into markup."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from wagtail.models import Site

from marketplace.catalogue.models import Product
from marketplace.partner.models import Partner

from .operator import operator_details

SCHEMA = "https://schema.org"


def site_root_url(request: HttpRequest | None = None) -> str:
    """The site's root address for this request's host (from the cache: a saved site makes it stale)."""
    from marketplace.core import fragments

    def compute() -> str:
        site = Site.find_for_request(request) if request is not None else None
        site = site or Site.objects.filter(is_default_site=True).first()
        return site.root_url if site else ""

    return fragments.cached("cms", ("root-url", request.get_host() if request is not None else ""), compute)


def absolute(url: str, request: HttpRequest | None = None) -> str:
    if not url or url.startswith(("http://", "https://")):
        return url
    return site_root_url(request) + url


def image_url(image: Any, request: HttpRequest | None = None, spec: str = "fill-1200x630") -> str:
    if image is None:
        return ""
    return absolute(image.get_rendition(spec).url, request)


def page_translations(page: Any) -> list[Any]:
    """The page and its live translations, as (language code, absolute URL) pairs."""
    pages = [page, *page.get_translations().live().public().select_related("locale")]
    return [(p.locale.language_code, p.get_full_url()) for p in pages]


def sitemap_entries(page: Any, request: HttpRequest | None = None) -> list[dict[str, Any]]:
    translations = page_translations(page)
    alternates = [{"lang_code": code, "location": url} for code, url in translations]
    if len(alternates) > 1:
        default = dict(translations).get(settings.LANGUAGE_CODE)
        if default:
            alternates.append({"lang_code": "x-default", "location": default})
    else:
        alternates = []
    return [
        {
            "location": page.get_full_url(request),
            "lastmod": page.last_published_at or page.latest_revision_created_at,
            "alternates": alternates,
        }
    ]


def breadcrumbs(items: list[tuple[str, str]]) -> dict:
    return {
        "@context": SCHEMA,
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": position, "name": name, "item": url}
            for position, (name, url) in enumerate(items, start=1)
        ],
    }


def page_breadcrumbs(page: Any, request: HttpRequest | None = None) -> dict[str, Any]:
    ancestors = page.get_ancestors(inclusive=True).filter(depth__gt=1).specific()
    return breadcrumbs([(p.title, p.get_full_url(request)) for p in ancestors])


def cooperative_url(cooperative: Partner, request: HttpRequest | None = None) -> str:
    try:
        return absolute(reverse("cooperatives:detail", kwargs={"slug": cooperative.code}), request)
    except NoReverseMatch:
        return ""


def organization(cooperative: Partner, request: HttpRequest | None = None) -> dict[str, Any]:
    data = {"@context": SCHEMA, "@type": "Organization", "name": cooperative.name}
    url = cooperative_url(cooperative, request)
    if url:
        data["url"] = url
    if getattr(cooperative, "short_name", ""):
        data["alternateName"] = cooperative.short_name
    if getattr(cooperative, "phone", ""):
        data["telephone"] = cooperative.phone
    if getattr(cooperative, "email", ""):
        data["email"] = cooperative.email
    if getattr(cooperative, "public_tax_code", ""):  # a household's tax code is personal data
        data["taxID"] = cooperative.public_tax_code
    if getattr(cooperative, "founded", None):
        data["foundingDate"] = str(cooperative.founded)
    if getattr(cooperative, "commune", "") or getattr(cooperative, "street", ""):
        data["address"] = {
            "@type": "PostalAddress",
            "streetAddress": cooperative.street,
            "addressLocality": cooperative.commune,
            "addressRegion": cooperative.province,
            "addressCountry": "VN",
        }
    if getattr(cooperative, "logo", None):
        data["logo"] = absolute(cooperative.logo.url, request)
    return data


def product(
    product: Product, request: HttpRequest | None = None, *, with_record: bool = True
) -> dict[str, Any]:
    """Product with its Offer (price in VND, stock, seller) and, when reviewed, AggregateRating;
    `with_record=False` leaves out what needs the stock record (no query)."""
    data = {
        "@context": SCHEMA,
        "@type": "Product",
        "name": product.get_title(),
        "url": absolute(product.get_absolute_url(), request),
    }
    if product.upc:
        data["sku"] = product.upc
    if product.description:
        data["description"] = product.description
    image = product.primary_image()
    original = getattr(image, "original", None)
    if original and getattr(original, "name", ""):
        data["image"] = absolute(original.url, request)
    record = product.stockrecords.select_related("partner").first() if with_record else None
    if record is not None and record.price is not None:
        in_stock = (record.net_stock_level or 0) > 0
        data["sku"] = record.partner_sku or data.get("sku", "")
        data["brand"] = {"@type": "Brand", "name": record.partner.name}
        data["offers"] = {
            "@type": "Offer",
            "price": str(int(record.price)),
            "priceCurrency": record.price_currency or "VND",
            "availability": f"{SCHEMA}/{'InStock' if in_stock else 'OutOfStock'}",
            "url": data["url"],
            "seller": {"@type": "Organization", "name": record.partner.name},
        }
    if product.rating is not None and product.num_approved_reviews:
        data["aggregateRating"] = {
            "@type": "AggregateRating",
            "ratingValue": round(float(product.rating), 1),
            "reviewCount": product.num_approved_reviews,
            "bestRating": 5,
            "worstRating": 1,
        }
    if not data.get("sku"):
        data.pop("sku", None)
    return data


def product_breadcrumbs(product: Product, request: HttpRequest | None = None) -> dict[str, Any]:
    site = (Site.find_for_request(request) if request is not None else None) or Site.objects.filter(
        is_default_site=True
    ).first()
    home = site.root_page.localized if site else None
    items = [(home.title if home else "Chợ HTX", absolute(home.url if home else "/", request))]
    category = product.get_categories().first()
    if category is not None:
        for node in category.get_ancestors_and_self():
            items.append((node.name, absolute(node.get_absolute_url(), request)))
    items.append((product.get_title(), absolute(product.get_absolute_url(), request)))
    return breadcrumbs(items)


def article(story: Any, request: HttpRequest | None = None) -> dict[str, Any]:
    publisher = operator_details(request)["legal_name"]
    modified = story.last_published_at or story.latest_revision_created_at
    data = {
        "@context": SCHEMA,
        "@type": "Article",
        "headline": story.title[:110],
        "description": story.lead,
        "datePublished": story.date.isoformat(),
        "dateModified": (timezone.localdate(modified) if modified else story.date).isoformat(),
        "inLanguage": story.locale.language_code,
        "mainEntityOfPage": story.get_full_url(request),
        "publisher": {"@type": "Organization", "name": publisher},
        "author": {"@type": "Organization", "name": publisher},
    }
    image = story.share_image()
    if image is not None:
        data["image"] = image_url(image, request)
    about = [{"@type": "Product", "name": p.get_title()} for p in story.products.all()]
    about += [{"@type": "Organization", "name": c.name} for c in story.cooperatives.all()]
    if about:
        data["about"] = about
    return data
