"""Demo: alliance staff once helped the first demo cooperative in assisted mode, so its owner's
"Lịch sử hỗ trợ" page has something to show."""

from __future__ import annotations

from typing import Any

from marketplace.partner.models import Partner
from marketplace.seller.models import AssistedAction


def load_assisted(*, cooperative: Partner, staff: Any) -> int:
    if AssistedAction.objects.filter(partner=cooperative).exists():
        return 0
    product = cooperative.stockrecords.select_related("product").order_by("pk").first()
    steps = [
        (AssistedAction.START, "", ""),
        (AssistedAction.ACTION, "product-edit", product.product.title if product else ""),
        (AssistedAction.ACTION, "profile", ""),
        (AssistedAction.STOP, "", ""),
    ]
    name = staff.get_full_name() or staff.email
    for kind, url_name, target in steps:
        AssistedAction.objects.create(
            partner=cooperative, staff=staff, staff_name=name, kind=kind, url_name=url_name, target=target
        )
    return len(steps)
