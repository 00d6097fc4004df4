"""Writes for cooperatives."""

from marketplace.core.phones import normalise_phone

from .models import Partner, Status


def cooperative_upsert(*, name: str, status: str = Status.APPROVED, phone: str = "", **fields) -> Partner:
    """Create or update the cooperative called `name` (idempotent)."""
    if phone:
        fields["phone"] = normalise_phone(phone)
    partner, __ = Partner.objects.update_or_create(name=name, defaults={"status": status, **fields})
    return partner
