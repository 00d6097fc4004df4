"""Pages editors should check on a phone first: the admin's preview opens at 360 px, the width of
the mid-range Android phones most buyers use (docs/cms.md, "The admin in Vietnamese")."""

from typing import Any

from django.utils.translation import gettext_lazy as _

PHONE_WIDTH = 360


class PhonePreview:
    """Mixin for a page model: a phone-sized preview first, and chosen by default."""

    @property
    def preview_sizes(self) -> list[dict[str, Any]]:
        return [
            {
                "name": "phone",
                "icon": "mobile-alt",
                "device_width": PHONE_WIDTH,
                "label": _("Xem trước cỡ điện thoại (360 px)"),
            },
            {
                "name": "tablet",
                "icon": "tablet-alt",
                "device_width": 768,
                "label": _("Xem trước cỡ máy tính bảng"),
            },
            {"name": "desktop", "icon": "desktop", "device_width": 1280, "label": _("Xem trước cỡ máy tính")},
        ]

    @property
    def default_preview_size(self) -> str:
        return "phone"
