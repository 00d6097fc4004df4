"""Reads for the public storefronts: only approved cooperatives, only what a shopper may see."""

from typing import Any

from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.http import Http404
from oscar.core.loading import get_model

from marketplace.catalogue.models import Product
from marketplace.catalogue.selectors import on_sale_products
from marketplace.geo import commune_by_code, commune_sort_key
from marketplace.ocop.models import Certificate
from marketplace.partner.models import Partner

Category = get_model("catalogue", "Category")


def cooperative_list(
    *, area: str = "", commune: str = "", stars: int | None = None, group: str = ""
) -> QuerySet[Partner]:
    """Approved cooperatives, filtered by former area, commune (its official code, or its name for
    links made before codes), minimum OCOP stars of their (on-sale, validly certified) products,
    and OCOP product group (a root category code)."""
    cooperatives = Partner.objects.approved()
    if area:
        cooperatives = cooperatives.filter(area=area)
    if commune:
        by = "commune_code" if commune.isdigit() else "commune"
        cooperatives = cooperatives.filter(**{by: commune})
    if stars:
        valid = Certificate.objects.valid().filter(
            partner=OuterRef("pk"), stars__gte=stars, products__isnull=False
        )
        cooperatives = cooperatives.filter(Exists(valid))
    if group:
        root = Category.objects.filter(code=group, depth=1).first()
        if root is None:
            return cooperatives.none()
        in_group = on_sale_products().filter(
            stockrecords__partner=OuterRef("pk"), categories__in=root.get_descendants_and_self()
        )
        cooperatives = cooperatives.filter(Exists(in_group.values("pk")))
    on_sale = Q(stockrecords__product__in=on_sale_products().values("pk"))
    listed: QuerySet[Partner] = cooperatives.annotate(
        product_count=Count("stockrecords", filter=on_sale, distinct=True)
    ).order_by("name")
    return listed


def communes() -> list[tuple[str, str]]:
    """(code, name) of the communes that have an approved cooperative, in Vietnamese order (accents
    folded, without "Xã"/"Phường"). A cooperative whose commune has no code yet is listed by name."""
    rows = Partner.objects.approved().exclude(commune="").values_list("commune_code", "commune").distinct()
    choices = {}
    for code, name in rows:
        commune = commune_by_code(code) if code else None
        choices[code or name] = commune.name if commune else name
    return sorted(choices.items(), key=lambda item: commune_sort_key(item[1]))


def product_groups() -> QuerySet[Any]:
    groups: QuerySet[Any] = Category.objects.filter(depth=1).exclude(code="").order_by("path")
    return groups


def cooperative_detail(*, slug: str) -> Partner:
    partner = Partner.objects.approved().filter(code=slug).first()
    if partner is None:
        raise Http404
    return partner


def cooperative_products(partner: Partner) -> QuerySet[Product]:
    return on_sale_products().filter(stockrecords__partner=partner).order_by("title", "pk")
