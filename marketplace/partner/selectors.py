"""Reads about cooperatives: which a buyer may see, who works for which, and in what role."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.contrib.auth.models import AnonymousUser

from .models import Partner, PartnerStaff, Role

if TYPE_CHECKING:
    from marketplace.users.models import User


def is_cooperative_owner(user: User | AnonymousUser, partner: Partner | None = None) -> bool:
    """Whether `user` is an owner of `partner` (of any cooperative, when no partner is given)."""
    if isinstance(user, AnonymousUser) or not getattr(user, "is_authenticated", False):
        return False
    roles = PartnerStaff.objects.filter(user=user, role=Role.OWNER)
    if partner is not None:
        roles = roles.filter(partner=partner)
    return roles.exists()


def cooperative_role(user: User | AnonymousUser, partner: Partner) -> str | None:
    """The user's role (`Role.OWNER`, `Role.STAFF`) in this cooperative, or None if not a member."""
    if isinstance(user, AnonymousUser) or not getattr(user, "is_authenticated", False):
        return None
    return PartnerStaff.objects.filter(user=user, partner=partner).values_list("role", flat=True).first()


def approved_in_order(ids: list[int]) -> list[Partner]:
    """These cooperatives, in this order, leaving out any no longer approved."""
    if not ids:
        return []
    found = {partner.pk: partner for partner in Partner.objects.approved().filter(pk__in=ids)}
    return [found[pk] for pk in ids if pk in found]
