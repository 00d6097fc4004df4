"""Template context every page needs: the operator's details for the footer."""

from django.conf import settings


def site_chrome(request):
    return {
        "operator": settings.OPERATOR,
        "shop_name": settings.OSCAR_SHOP_NAME,
    }
