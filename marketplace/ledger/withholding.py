"""Tax withheld on card sales of household businesses (Decree 117/2025/NĐ-CP): VAT and PIT at the
rates of the `WithholdingRate` row in force, recorded in the ledger and in `Withholding` rows
(the monthly declaration reads those)."""

from __future__ import annotations

from datetime import datetime

from marketplace.partner.models import Kind

from .models import AccountKind, EntryKind, SupplyKind, Withholding, WithholdingRate
from .months import VIETNAM

#: Sellers the platform withholds for; cooperatives, cooperative groups and companies declare
#: their own taxes.
SUBJECT_KINDS = (Kind.HOUSEHOLD,)
SERVICES_OCOP_GROUP = "VI"  # community tourism and other services


def part(amount: int, rate_bp: int) -> int:
    return (int(amount) * int(rate_bp) + 5000) // 10000


def rate_in_force(supply: str, moment: datetime) -> WithholdingRate | None:
    day = moment.astimezone(VIETNAM).date()
    return (
        WithholdingRate.objects.filter(supply=supply, valid_from__lte=day)
        .exclude(valid_to__lt=day)
        .order_by("-valid_from")
        .first()
    )


def supply_of(suborder) -> str:
    from .commission import ocop_group, suborder_categories

    codes = [code for __, code in suborder_categories(suborder)]
    if codes and all(ocop_group(code) == SERVICES_OCOP_GROUP for code in codes):
        return SupplyKind.SERVICES
    return SupplyKind.GOODS


def withhold(suborder, *, occurred_at: datetime) -> Withholding | None:
    """Withhold on a paid card sub-order of a household seller (once)."""
    from .services import _to_cooperative, account

    if suborder.partner.kind not in SUBJECT_KINDS:
        return None
    rate = rate_in_force(supply_of(suborder), occurred_at)
    if rate is None:
        return None
    revenue = int(suborder.lines_total)
    vat, pit = part(revenue, rate.vat_bp), part(revenue, rate.pit_bp)
    posted = _to_cooperative(
        suborder,
        EntryKind.WITHHOLDING,
        f"withholding:{suborder.pk}",
        account(AccountKind.TAX),
        -(vat + pit),
        occurred_at=occurred_at,
        memo=f"GTGT {rate.vat_bp / 100:g}% + TNCN {rate.pit_bp / 100:g}%",
    )
    if posted is None:
        return None
    return Withholding.objects.create(
        suborder=suborder,
        partner_id=suborder.partner_id,
        rate=rate,
        transaction=posted,
        revenue=revenue,
        vat=vat,
        pit=pit,
        occurred_at=occurred_at,
    )


def offset(suborder, *, amount: int, key: str, when: datetime) -> Withholding | None:
    """Give back `amount` of the tax withheld on this sub-order (cancelled or refunded), split
    between VAT and PIT as it was withheld."""
    from .services import _to_cooperative, account

    original = Withholding.objects.filter(suborder=suborder, vat__gt=0).order_by("pk").first()
    if original is None:
        return None
    posted = _to_cooperative(
        suborder,
        EntryKind.WITHHOLDING_REVERSAL,
        f"{key}:{suborder.pk}",
        account(AccountKind.TAX),
        amount,
        occurred_at=when,
    )
    if posted is None:
        return None
    withheld = original.vat + original.pit
    vat = amount * original.vat // withheld if withheld else 0
    return Withholding.objects.create(
        suborder=suborder,
        partner_id=suborder.partner_id,
        rate=original.rate,
        transaction=posted,
        revenue=-(original.revenue * amount // withheld) if withheld else 0,
        vat=-vat,
        pit=-(amount - vat),
        occurred_at=when,
    )
