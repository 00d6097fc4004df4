"""Template context every page needs: the operator's details for the footer.

The alliance edits them in the Wagtail admin (Settings → operator details); until then the
OPERATOR_* environment defaults apply, field by field (cms.selectors.operator_details, cached)."""

from django.conf import settings


def site_chrome(request):
    from cms.selectors import operator_details

    return {
        "operator": operator_details(request),
        "shop_name": settings.OSCAR_SHOP_NAME,
    }
