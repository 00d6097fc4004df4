"""Where pages show CMS content and structured data.

Shop pages: {% stories_for_product product %}, {% stories_for_cooperative cooperative %},
{% product_jsonld product %} (Product, Offer, AggregateRating, BreadcrumbList),
{% cooperative_jsonld cooperative %} (Organization). CMS pages: {% page_meta page %} and
{% page_jsonld page %}. The footer: {% footer_pages as pages %}.
"""

import json
from typing import Any

from django import template
from django.utils.html import format_html_join
from django.utils.safestring import SafeString, mark_safe

from cms import selectors, seo
from marketplace.catalogue.models import Product
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


@register.inclusion_tag("cms/partials/stories.html")
def stories_for_product(product: Product) -> dict[str, Any]:
    from django.utils.translation import gettext

    return {
        "stories": selectors.stories_about(product=product),
        "heading": gettext("Câu chuyện về sản phẩm này"),
    }


@register.inclusion_tag("cms/partials/stories.html")
def stories_for_cooperative(cooperative: Partner) -> dict[str, Any]:
    from django.utils.translation import gettext

    return {
        "stories": selectors.stories_about(cooperative=cooperative),
        "heading": gettext("Câu chuyện về hợp tác xã"),
    }


@register.simple_tag(takes_context=True)
def product_jsonld(context: template.Context, product: Product) -> SafeString:
    request = context.get("request")
    return _script(seo.product(product, request), seo.product_breadcrumbs(product, request))


@register.simple_tag(takes_context=True)
def cooperative_jsonld(context: template.Context, cooperative: Partner) -> SafeString:
    return _script(seo.organization(cooperative, context.get("request")))


@register.simple_tag(takes_context=True)
def page_jsonld(context: template.Context, page: Any) -> SafeString:
    request = context.get("request")
    documents = [seo.page_breadcrumbs(page, request)]
    if page.specific_class.__name__ == "StoryPage":
        documents.insert(0, seo.article(page.specific, request))
    return _script(*documents)


@register.inclusion_tag("cms/partials/page_meta.html", takes_context=True)
def page_meta(context: template.Context, page: Any) -> dict[str, Any]:
    request = context.get("request")
    translations = seo.page_translations(page)
    image = page.specific.share_image() if hasattr(page.specific, "share_image") else None
    return {
        "page": page,
        "canonical": page.get_full_url(request),
        "alternates": translations if len(translations) > 1 else [],
        "default_url": dict(translations).get("vi", ""),
        "description": page_description(page),
        "image_url": seo.image_url(image, request),
        "og_type": "article" if page.specific_class.__name__ == "StoryPage" else "website",
    }


@register.simple_tag
def page_description(page: Any) -> str:
    return page.search_description or getattr(page.specific, "lead", "") or ""


@register.simple_tag(takes_context=True)
def product_canonical(context: template.Context, product: Product) -> str:
    url = seo.absolute(product.get_absolute_url(), context.get("request"))
    return format_html_join("", '<link rel="canonical" href="{}">', [(url,)])


@register.simple_tag
def footer_pages() -> list[Any]:
    return selectors.footer_pages()


@register.filter
def cooperative_url(cooperative: Partner) -> str:
    """The storefront's address, or '' while storefronts are not routed."""
    return seo.cooperative_url(cooperative)
