"""/sitemap.xml: every live page (with hreflang alternates), every product on sale, every storefront."""

from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

from django.contrib.sitemaps import Sitemap
from django.urls import NoReverseMatch, reverse
from wagtail.contrib.sitemaps import Sitemap as WagtailSitemap
from wagtail.models import Page

from marketplace.catalogue.models import Product
from marketplace.catalogue.selectors import on_sale_products
from marketplace.partner.models import Partner

from . import seo


class PageSitemap(WagtailSitemap):
    def items(self) -> Any:
        return (
            Page.objects.live().public().filter(depth__gt=1).order_by("path").defer_streamfields().specific()
        )


class _WagtailSiteDomain(Sitemap):
    """Shop URLs on the same host as the pages (the Wagtail site's root URL)."""

    def get_domain(self, site: Any = None) -> str:
        return urlsplit(seo.site_root_url()).netloc or super().get_domain(site)

    def get_protocol(self, protocol: str | None = None) -> str:
        return urlsplit(seo.site_root_url()).scheme or super().get_protocol(protocol)


class ProductSitemap(_WagtailSiteDomain):
    changefreq = "weekly"

    def items(self) -> Any:
        return on_sale_products().order_by("pk")

    def lastmod(self, product: Product) -> datetime | None:
        return product.date_updated


class CooperativeSitemap(_WagtailSiteDomain):
    changefreq = "weekly"

    def items(self) -> Any:
        try:
            reverse("cooperatives:detail", kwargs={"slug": "x"})
        except NoReverseMatch:
            return []
        return Partner.objects.approved().order_by("pk")

    def location(self, cooperative: Partner) -> str:
        return reverse("cooperatives:detail", kwargs={"slug": cooperative.code})


SITEMAPS: dict[str, type[Sitemap[Any]] | Sitemap[Any]] = {
    "pages": PageSitemap,
    "products": ProductSitemap,
    "cooperatives": CooperativeSitemap,
}
