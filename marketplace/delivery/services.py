"""Writes: a cooperative's shipping settings, as set in the seller centre."""

from decimal import Decimal

from django.db import transaction

from marketplace.catalogue.services import product_local_only_set

from .models import ShippingSettings


@transaction.atomic
def shipping_settings_save(
    *,
    partner,
    delivers: bool,
    flat_fee: int,
    free_above: int | None,
    provinces: list[str],
    pickup: bool,
    pickup_address: str = "",
    pickup_hours: str = "",
    local_products=None,
) -> ShippingSettings:
    """Save the cooperative's delivery and pickup options; `provinces` are names ("Ninh Bình"),
    empty for the whole country. `local_products`, when given, are the cooperative's products that
    are perishable (delivered only inside its own province); its other products are not."""
    settings, __ = ShippingSettings.objects.update_or_create(
        partner=partner,
        defaults={
            "delivers": delivers,
            "flat_fee": Decimal(flat_fee if delivers else 0),
            "free_above": Decimal(free_above) if delivers and free_above else None,
            "provinces": list(provinces) if delivers else [],
            "pickup": pickup,
            "pickup_address": pickup_address.strip() if pickup else "",
            "pickup_hours": pickup_hours.strip() if pickup else "",
        },
    )
    if local_products is not None:
        product_local_only_set(partner=partner, local_ids={product.pk for product in local_products})
    return settings
