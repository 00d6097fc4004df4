"""Reads: a basket grouped by cooperative, with each cooperative's shipping options for an address.

`basket_groups` costs one query (the cooperatives and their settings) whatever the number of lines
or cooperatives, and its result is cached on the basket for the request.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import ObjectDoesNotExist
from django.db.models import Prefetch, prefetch_related_objects
from django.utils.translation import gettext as _

from marketplace.core.money import format_vnd
from marketplace.core.text import fold
from marketplace.geo import province_named
from marketplace.partner.models import Partner, StockRecord

from .summary import shipping_summary

DELIVERY = "delivery"
PICKUP = "pickup"
SESSION_KEY = "chohtx_shipping_choices"


@dataclass(frozen=True)
class ShippingOption:
    code: str
    label: str
    fee: Decimal
    detail: str = ""


@dataclass
class CooperativeGroup:
    partner: Partner
    lines: list = field(default_factory=list)
    subtotal: Decimal = Decimal("0")
    options: list[ShippingOption] = field(default_factory=list)
    chosen: ShippingOption | None = None
    problem: str = ""
    local_only: bool = False
    summary: str = ""

    @property
    def shipping_fee(self) -> Decimal:
        return self.chosen.fee if self.chosen else Decimal("0")

    @property
    def total(self) -> Decimal:
        return self.subtotal + self.shipping_fee

    @property
    def has_choice(self) -> bool:
        return len(self.options) > 1


class _Defaults:
    """What a cooperative without shipping settings offers: free delivery everywhere."""

    delivers = True
    flat_fee = Decimal("0")
    free_above = None
    provinces: list[str] = []
    pickup = False
    pickup_address = ""
    pickup_hours = ""


def settings_of(partner: Partner):
    try:
        return partner.shipping_settings
    except ObjectDoesNotExist:
        return _Defaults()


def same_province(a: str, b: str) -> bool:
    first, second = province_named(a or ""), province_named(b or "")
    if first and second:
        return first == second
    return fold(a or "").strip() == fold(b or "").strip()


def delivery_fee(settings, subtotal: Decimal) -> Decimal:
    if settings.free_above is not None and subtotal >= settings.free_above:
        return Decimal("0")
    return Decimal(settings.flat_fee)


def _delivery_option(group: CooperativeGroup, settings, province: str | None) -> ShippingOption | None:
    partner = group.partner
    if not settings.delivers:
        return None
    if province:
        if group.local_only and not same_province(province, partner.province):
            return None
        if settings.provinces and not any(same_province(province, p) for p in settings.provinces):
            return None
    elif group.local_only:
        pass  # no address yet: the fee is an estimate
    fee = delivery_fee(settings, group.subtotal)
    detail = ""
    if settings.free_above is not None and fee:
        detail = _("Miễn phí giao hàng cho đơn từ %(amount)s") % {"amount": format_vnd(settings.free_above)}
    return ShippingOption(DELIVERY, _("Giao hàng tận nơi"), fee, detail)


def _problem(group: CooperativeGroup, settings, province: str) -> str:
    """Why this cooperative cannot serve `province` (it offers no pickup, or there would be no
    problem): perishables beyond its own province, or a province it does not deliver to."""
    name = group.partner.name
    if not settings.delivers:
        return _("%(name)s hiện không giao hàng. Hãy bỏ sản phẩm của hợp tác xã này khỏi giỏ.") % {
            "name": name
        }
    if group.local_only and not same_province(province, group.partner.province):
        return _(
            "%(name)s chỉ giao hàng tươi sống trong tỉnh %(home)s, không giao đến %(province)s. "
            "Hãy đổi địa chỉ hoặc bỏ sản phẩm này khỏi giỏ."
        ) % {"name": name, "home": group.partner.province, "province": province}
    served = ", ".join(settings.provinces or [])
    return _(
        "%(name)s không giao hàng đến %(province)s (chỉ giao đến: %(served)s). Hãy đổi địa chỉ "
        "hoặc bỏ sản phẩm của hợp tác xã này khỏi giỏ."
    ) % {"name": name, "province": province, "served": served}


def _fill_options(group: CooperativeGroup, province: str | None, choice: str | None) -> None:
    settings = settings_of(group.partner)
    group.summary = shipping_summary(settings, group.partner, local_only=group.local_only)
    delivery = _delivery_option(group, settings, province)
    if delivery:
        group.options.append(delivery)
    if settings.pickup:
        detail = settings.pickup_address or group.partner.address_line
        if getattr(settings, "pickup_hours", ""):
            detail = f"{detail} ({settings.pickup_hours})"
        group.options.append(ShippingOption(PICKUP, _("Nhận tại hợp tác xã"), Decimal("0"), detail))
    if not group.options and province:
        group.problem = _problem(group, settings, province)
    group.chosen = next((o for o in group.options if o.code == choice), None) or (
        group.options[0] if group.options else None
    )


def basket_lines_prefetch(basket) -> list:
    """Load every line's product class and stock records at once (Oscar's strategy asks for them
    line by line), so basket and checkout pages cost the same with 1 or 50 lines."""
    lines = list(basket.all_lines())
    if lines and not getattr(basket, "_chohtx_prefetched", False):
        records = Prefetch("product__stockrecords", queryset=StockRecord.objects.select_related("partner"))
        prefetch_related_objects(lines, "product__product_class", records)
        basket._chohtx_prefetched = True
    return lines


def basket_lines_after_add(basket, lines: list, line, created: bool) -> None:
    """Keep the basket's lines, read before `line` was added (Oscar's `add_product` forgets them),
    in memory with the change: the new line at the end, or the new quantity on the line read
    before. Totals and the header's count then cost no second read of the lines, their pictures,
    stock records and prices. Only for a basket no offer applies to (discounts live on the lines
    Oscar's applicator reads again)."""
    if created:
        lines = [*lines, line]
    else:
        for kept in lines:
            if kept.pk == line.pk:
                kept.quantity = line.quantity
                kept.__dict__.pop("_info", None)  # its price may change with the quantity (tiers)
    basket_lines_known(basket, lines)


def basket_lines_known(basket, lines: list) -> None:
    """`basket.all_lines()` answers `lines` (a saved basket's lines, in order) without a query."""
    cached = basket.lines.all()
    cached._result_cache = lines  # as if fetched: Oscar's `all_lines()` keeps this queryset
    cached._prefetch_done = True
    basket._lines = cached


def basket_groups(basket, *, province: str | None = None, choices: dict | None = None) -> list:
    """The basket's lines grouped by cooperative, in the order they were added."""
    choices = choices or {}
    cache_key = (province or "", tuple(sorted(choices.items())), basket.num_lines)
    cache = getattr(basket, "_chohtx_groups", None)
    if cache and cache[0] == cache_key:
        return cache[1]
    lines = [line for line in basket_lines_prefetch(basket) if line.stockrecord_id]
    partner_ids = {line.stockrecord.partner_id for line in lines}
    partners = Partner.objects.filter(pk__in=partner_ids).select_related("shipping_settings").in_bulk()
    groups: dict[int, CooperativeGroup] = {}
    for line in lines:
        partner_id = line.stockrecord.partner_id
        group = groups.setdefault(partner_id, CooperativeGroup(partner=partners[partner_id]))
        group.lines.append(line)
        group.subtotal += line.line_price_incl_tax_incl_discounts or Decimal("0")
        group.local_only = group.local_only or bool(getattr(line.product, "local_only", False))
    result = list(groups.values())
    for group in result:
        _fill_options(group, province, choices.get(str(group.partner.pk)))
    basket._chohtx_groups = (cache_key, result)
    return result


def unserved_problems(groups: list) -> list[str]:
    return [group.problem for group in groups if group.problem]
