"""Where pages show CMS content and structured data.

Shop pages: {% stories_for_product product %}, {% stories_for_cooperative cooperative %},
{% product_jsonld product %} (Product, Offer, AggregateRating, BreadcrumbList),
{% cooperative_jsonld cooperative %} (Organization), {% product_share_meta product %} and
{% cooperative_share_meta cooperative %} (Open Graph and Twitter cards). CMS pages:
{% page_meta page %} and {% page_jsonld page %}. The footer: {% footer_pages as pages %}.
"""

import json
from collections.abc import Callable
from typing import Any

from django import template
from django.http import HttpRequest
from django.utils.html import format_html_join
from django.utils.safestring import SafeString, mark_safe

from cms import selectors, seo
from marketplace.catalogue.models import Product
from marketplace.core import fragments
from marketplace.partner.models import Partner

register = template.Library()


def _script(*documents: dict[str, Any]) -> SafeString:
    """JSON-LD in <script> tags; '<', '>' and '&' are escaped so no text can close the tag."""
    out = []
    for document in documents:
        text = json.dumps(document, ensure_ascii=False, default=str)
        text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
        out.append(f'<script type="application/ld+json">{text}</script>')
    return mark_safe("\n".join(out))  # noqa: S308 - escaped above


def _stories_html(request: HttpRequest | None, heading: str, **about: Any) -> str:
    """The rendered list of stories about a product or cooperative, from the cache ("cms" kind:
    any page published or unpublished makes it stale)."""
    from django.template.loader import render_to_string

    ((name, subject),) = about.items()
    host = request.get_host() if request is not None else ""

    def compute() -> str:
        stories = selectors.stories_about(**about)
        context = {"stories": stories, "heading": heading, "request": request}
        return render_to_string("cms/partials/stories.html", context)

    return mark_safe(fragments.cached("cms", (f"stories-{name}", subject.pk, host), compute))  # noqa: S308


@register.simple_tag(takes_context=True)
def stories_for_product(context: template.Context, product: Product) -> str:
    from django.utils.translation import gettext

    return _stories_html(context.get("request"), gettext("Câu chuyện về sản phẩm này"), product=product)


@register.simple_tag(takes_context=True)
def stories_for_cooperative(context: template.Context, cooperative: Partner) -> str:
    from django.utils.translation import gettext

    return _stories_html(context.get("request"), gettext("Câu chuyện về hợp tác xã"), cooperative=cooperative)


@register.simple_tag(takes_context=True)
def product_jsonld(context: template.Context, product: Product) -> SafeString:
    """Product, Offer and breadcrumbs, from the cache: stale when the product, its stock, pictures or
    reviews change (the saves that re-index search bump the product's version) or a category does."""
    request = context.get("request")
    host = request.get_host() if request is not None else ""

    def compute() -> SafeString:
        return _script(seo.product(product, request), seo.product_breadcrumbs(product, request))

    parts = ("jsonld", host, fragments.version("categories"))
    return mark_safe(fragments.cached(fragments.product_kind(product.pk), parts, compute))  # noqa: S308


@register.simple_tag(takes_context=True)
def cooperative_jsonld(context: template.Context, cooperative: Partner) -> SafeString:
    return _script(seo.organization(cooperative, context.get("request")))


def _page_cached(request: HttpRequest | None, page: Any, name: str, compute: Callable[[], str]) -> str:
    """A page's head markup from the cache ("cms" kind: stale when any page is published, moved or
    deleted); a preview of unsaved changes is always computed."""
    if request is None or getattr(request, "is_preview", False) or not page.pk:
        return compute()
    return fragments.cached("cms", (name, page.pk, request.get_host()), compute)


@register.simple_tag(takes_context=True)
def page_jsonld(context: template.Context, page: Any) -> SafeString:
    request = context.get("request")

    def compute() -> str:
        documents = [seo.page_breadcrumbs(page, request)]
        if page.specific_class.__name__ == "StoryPage":
            documents.insert(0, seo.article(page.specific, request))
        return str(_script(*documents))

    return mark_safe(_page_cached(request, page, "jsonld", compute))  # noqa: S308


@register.simple_tag(takes_context=True)
def page_meta(context: template.Context, page: Any) -> SafeString:
    """Canonical and hreflang links, Open Graph tags (cms/partials/page_meta.html)."""
    from django.template.loader import render_to_string

    request = context.get("request")

    def compute() -> str:
        translations = seo.page_translations(page)
        image = page.specific.share_image() if hasattr(page.specific, "share_image") else None
        meta = {
            "page": page,
            "canonical": page.get_full_url(request),
            "alternates": translations if len(translations) > 1 else [],
            "default_url": dict(translations).get("vi", ""),
            "description": page_description(page),
            "image_url": seo.image_url(image, request),
            "og_type": "article" if page.specific_class.__name__ == "StoryPage" else "website",
            "locale": _og_locale(),
        }
        return render_to_string("cms/partials/page_meta.html", meta)

    return mark_safe(_page_cached(request, page, "meta", compute))  # noqa: S308


def _og_locale() -> str:
    from django.utils.translation import get_language

    return "en_US" if (get_language() or "").startswith("en") else "vi_VN"


def _share_meta(**meta: Any) -> SafeString:
    from django.template.loader import render_to_string

    return mark_safe(render_to_string("cms/partials/share_meta.html", {"locale": _og_locale(), **meta}))  # noqa: S308


@register.simple_tag(takes_context=True)
def product_share_meta(context: template.Context, product: Product) -> SafeString:
    """Open Graph (og:type product, its price and cooperative) and Twitter card tags of a product
    page, from what the page already fetched (stock records with their cooperative, pictures)."""
    request = context.get("request")
    data = seo.product(product, request, with_record=False)
    records = list(product.stockrecords.all())
    extra: list[tuple[str, str]] = []
    if records and records[0].price is not None:
        record = records[0]
        price, currency = str(int(record.price)), record.price_currency or "VND"
        in_stock = (record.net_stock_level or 0) > 0
        extra = [
            ("og:price:amount", price),
            ("og:price:currency", currency),
            ("product:price:amount", price),
            ("product:price:currency", currency),
            ("product:availability", "in stock" if in_stock else "out of stock"),
            ("product:brand", record.partner.name),
            ("product:retailer_item_id", record.partner_sku),
        ]
    return _share_meta(
        og_type="product",
        title=data["name"],
        url=data["url"],
        description=(product.get_meta_description() or "")[:300],
        image_url=data.get("image", ""),
        image_alt=data["name"],
        og_extra=[(name, value) for name, value in extra if value],
    )


@register.simple_tag(takes_context=True)
def cooperative_share_meta(context: template.Context, cooperative: Partner) -> SafeString:
    request = context.get("request")
    picture = cooperative.cover or cooperative.logo
    image = seo.absolute(picture.url, request) if picture else ""
    description = " — ".join(part for part in (cooperative.name, cooperative.address_line) if part)
    return _share_meta(
        og_type="website",
        title=cooperative.name,
        url=seo.cooperative_url(cooperative, request),
        description=description,
        image_url=image,
        image_alt=cooperative.name,
    )


@register.simple_tag
def page_description(page: Any) -> str:
    return page.search_description or getattr(page.specific, "lead", "") or ""


@register.simple_tag(takes_context=True)
def absolute_url(context: template.Context, url: str) -> str:
    """`url` on this site as a full address (for share links): {% absolute_url path as full %}."""
    return seo.absolute(url, context.get("request"))


@register.simple_tag(takes_context=True)
def product_canonical(context: template.Context, product: Product) -> str:
    url = seo.absolute(product.get_absolute_url(), context.get("request"))
    return format_html_join("", '<link rel="canonical" href="{}">', [(url,)])


@register.simple_tag(takes_context=True)
def footer_pages(context: template.Context) -> list[dict[str, Any]]:
    """[{title, url}] of the legal pages and the complaints page, from the cache."""
    return selectors.footer_links(context.get("request"))


@register.filter
def cooperative_url(cooperative: Partner) -> str:
    """The storefront's address, or '' while storefronts are not routed."""
    return seo.cooperative_url(cooperative)
