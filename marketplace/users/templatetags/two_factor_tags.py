"""`{% two_factor_offer request.user as offer %}`: whether to invite someone to turn on two-factor."""

from django import template

from marketplace.partner.selectors import is_cooperative_owner
from marketplace.users.two_factor import two_factor_enrolled

register = template.Library()


@register.simple_tag
def two_factor_offer(user) -> bool:
    """Offered to cooperative owners who have not turned it on yet."""
    return is_cooperative_owner(user) and not two_factor_enrolled(user)
