"""Where pages show CMS content and structured data.

Shop pages: {% stories_for_product product %}, {% stories_for_cooperative cooperative %},
{% product_jsonld product %} (Product, Offer, AggregateRating, BreadcrumbList),
{% cooperative_jsonld cooperative %} (Organization). CMS pages: {% page_meta page %} and
{% page_jsonld page %}. The footer: {% footer_pages as pages %}.
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
        }
        return render_to_string("cms/partials/page_meta.html", meta)

    return mark_safe(_page_cached(request, page, "meta", compute))  # noqa: S308


@register.simple_tag
def page_description(page: Any) -> str:
    return page.search_description or getattr(page.specific, "lead", "") or ""


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
