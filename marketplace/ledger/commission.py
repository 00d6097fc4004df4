"""Which commission rule applies to a sub-order (read at placing; the rate is then recorded)."""

from __future__ import annotations

from datetime import date

from django.db.models import Q
from django.utils import timezone
from oscar.core.loading import get_model

from .models import CommissionRule, RuleScope
from .months import VIETNAM

ProductCategory = get_model("catalogue", "ProductCategory")

SPECIFICITY = [RuleScope.PARTNER, RuleScope.CATEGORY, RuleScope.OCOP_GROUP, RuleScope.DEFAULT]
#: With no rule at all: no commission.
NO_RULE_RATE = 0


def amount(goods: int, rate_bp: int) -> int:
    """The commission on `goods` đồng at `rate_bp` basis points, rounded half up to a đồng."""
    return (int(goods) * int(rate_bp) + 5000) // 10000


def rules_in_force(day: date):
    return CommissionRule.objects.filter(
        Q(valid_from__isnull=True) | Q(valid_from__lte=day),
        Q(valid_to__isnull=True) | Q(valid_to__gte=day),
    ).select_related("category")


def ocop_group(code: str) -> str:
    """'I.3b' -> 'I'."""
    return (code or "").split(".", 1)[0]


def suborder_categories(suborder) -> list[tuple[str, str]]:
    """(category path, OCOP code) of every category of the sub-order's products."""
    product_ids = suborder.order.lines.filter(partner_id=suborder.partner_id).values_list("product_id")
    return list(
        ProductCategory.objects.filter(product_id__in=product_ids).values_list(
            "category__path", "category__code"
        )
    )


def _matches(rule: CommissionRule, suborder, categories) -> bool:
    if rule.scope == RuleScope.DEFAULT:
        return True
    if rule.scope == RuleScope.PARTNER:
        return rule.partner_id == suborder.partner_id
    if rule.scope == RuleScope.CATEGORY:
        return rule.category is not None and any(
            path.startswith(rule.category.path) for path, __ in categories
        )
    if rule.scope == RuleScope.OCOP_GROUP:
        return any(
            ocop_group(code) == rule.ocop_group or (code or "") == rule.ocop_group for __, code in categories
        )
    return False


def rate_for(suborder, day: date | None = None) -> tuple[CommissionRule | None, int]:
    """The rule and rate in force for this sub-order: the most specific scope that matches
    (cooperative, category, OCOP group, default); within a scope a dated rule beats an open-ended
    one, then the newest; when a sub-order's products match several rules of the same scope, the
    lowest rate (in the cooperative's favour)."""
    day = day or _today()
    categories = suborder_categories(suborder)
    rules = [rule for rule in rules_in_force(day) if _matches(rule, suborder, categories)]
    for scope in SPECIFICITY:
        found = [rule for rule in rules if rule.scope == scope]
        if not found:
            continue
        dated = [rule for rule in found if rule.valid_from or rule.valid_to]
        found = dated or found
        newest_first = sorted(found, key=lambda rule: rule.pk, reverse=True)
        if scope in (RuleScope.CATEGORY, RuleScope.OCOP_GROUP):
            newest_first.sort(key=lambda rule: rule.rate_bp)
        return newest_first[0], newest_first[0].rate_bp
    return None, NO_RULE_RATE


def _today() -> date:
    return timezone.now().astimezone(VIETNAM).date()
