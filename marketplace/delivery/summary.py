"""What a buyer reads about a cooperative's delivery, in one sentence:
"Giao toàn quốc, 30.000 ₫, miễn phí từ 500.000 ₫. Nhận tại chỗ: Thôn Tập Ninh (7:00–17:00)."

The seller centre's preview, the storefront, the product page and the basket all show this text.
"""

from __future__ import annotations

from django.utils.translation import gettext as _

from marketplace.core.money import format_vnd
from marketplace.geo import province_named

# More provinces than this are counted, not named.
NAMED_PROVINCES = 3


def _province_names(names: list[str]) -> list[str]:
    found = [province_named(name) for name in names]
    return [province.name if province else name for province, name in zip(found, names, strict=True)]


def _where(settings, home: str) -> str:
    names = _province_names(list(settings.provinces or []))
    if not names:
        return _("Giao toàn quốc")
    if names == [home]:
        return _("Giao trong tỉnh %(province)s") % {"province": home}
    if len(names) <= NAMED_PROVINCES:
        return _("Giao đến %(provinces)s") % {"provinces": ", ".join(names)}
    return _("Giao đến %(count)s tỉnh, thành phố") % {"count": len(names)}


def _fee(settings) -> str:
    if not settings.flat_fee:
        return _("miễn phí giao hàng")
    fee = format_vnd(settings.flat_fee)
    if settings.free_above:
        return _("%(fee)s, miễn phí từ %(amount)s") % {"fee": fee, "amount": format_vnd(settings.free_above)}
    return fee


def _pickup(settings, partner) -> str:
    address = settings.pickup_address or partner.address_line
    hours = getattr(settings, "pickup_hours", "")
    if hours:
        return _("%(address)s (%(hours)s)") % {"address": address, "hours": hours}
    return address


def shipping_summary(settings, partner, *, local_only: bool = False) -> str:
    """The sentence for `settings` (a ShippingSettings or the defaults) of `partner`; with
    `local_only`, what it means for perishable goods (delivered only inside the own province)."""
    home = getattr(province_named(partner.province or ""), "name", partner.province or "")
    sentences = []
    if settings.delivers:
        if local_only:
            where = _("Hàng tươi sống: chỉ giao trong tỉnh %(province)s") % {"province": home}
        else:
            where = _where(settings, home)
        sentences.append(f"{where}, {_fee(settings)}")
    if settings.pickup:
        label = _("Nhận tại chỗ") if settings.delivers else _("Chỉ nhận tại chỗ")
        sentences.append(f"{label}: {_pickup(settings, partner)}")
    return ". ".join(sentences) + "." if sentences else ""
