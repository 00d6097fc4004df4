"""/sitemap.xml: every live page (with hreflang alternates), every product on sale, every storefront."""

from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

from django.contrib.sitemaps import Sitemap
from django.contrib.sites.models import Site
from django.contrib.sites.requests import RequestSite
from django.db.models import QuerySet
from django.urls import NoReverseMatch, reverse
from wagtail.contrib.sitemaps import Sitemap as WagtailSitemap
from wagtail.models import Page

from marketplace.catalogue.models import Product
from marketplace.catalogue.selectors import on_sale_products
from marketplace.partner.models import Partner

from . import seo


class PageSitemap(WagtailSitemap):
    def items(self) -> QuerySet[Page]:
        pages: QuerySet[Page] = (
            Page.objects.live().public().filter(depth__gt=1).order_by("path").defer_streamfields().specific()
        )
        return pages


class _WagtailSiteDomain(Sitemap):
    """Shop URLs on the same host as the pages (the Wagtail site's root URL)."""

    def get_domain(self, site: Site | RequestSite | None = None) -> str:
        return urlsplit(seo.site_root_url()).netloc or super().get_domain(site)

    def get_protocol(self, protocol: str | None = None) -> str:
        return urlsplit(seo.site_root_url()).scheme or super().get_protocol(protocol)


class ProductSitemap(_WagtailSiteDomain):
    changefreq = "weekly"

    def items(self) -> QuerySet[Product]:
        return on_sale_products().order_by("pk")

    def lastmod(self, product: Product) -> datetime:
        updated: datetime = product.date_updated
        return updated


class CooperativeSitemap(_WagtailSiteDomain):
    changefreq = "weekly"

    def items(self) -> QuerySet[Partner] | list[Partner]:
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
