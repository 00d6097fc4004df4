"""Reads about cooperatives: which a buyer may see, who works for which, and in what role."""

from .models import Partner, PartnerStaff, Role


def is_cooperative_owner(user, partner: Partner | None = None) -> bool:
    """Whether `user` is an owner of `partner` (of any cooperative, when no partner is given)."""
    if not getattr(user, "is_authenticated", False):
        return False
    roles = PartnerStaff.objects.filter(user=user, role=Role.OWNER)
    if partner is not None:
        roles = roles.filter(partner=partner)
    return roles.exists()


def cooperative_role(user, partner: Partner) -> str | None:
    """The user's role (`Role.OWNER`, `Role.STAFF`) in this cooperative, or None if not a member."""
    if not getattr(user, "is_authenticated", False):
        return None
    return PartnerStaff.objects.filter(user=user, partner=partner).values_list("role", flat=True).first()


def approved_in_order(ids: list[int]) -> list[Partner]:
    """These cooperatives, in this order, leaving out any no longer approved."""
    if not ids:
        return []
    found = {partner.pk: partner for partner in Partner.objects.approved().filter(pk__in=ids)}
    return [found[pk] for pk in ids if pk in found]
