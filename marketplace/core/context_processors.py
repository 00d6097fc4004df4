"""Template context every page needs: the shop's name."""

from typing import Any

from django.conf import settings
from django.http import HttpRequest


def site_chrome(request: HttpRequest) -> dict[str, Any]:
    return {"shop_name": settings.OSCAR_SHOP_NAME}
