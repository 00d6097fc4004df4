"""Template context every page needs: the operator's details for the footer.

The alliance edits them in the Wagtail admin (Settings → operator details); until then the
OPERATOR_* environment defaults apply, field by field."""

from django.conf import settings


def _operator(request) -> dict:
    from wagtail.models import Site

    from cms.models import OperatorSettings

    operator = {
        **settings.OPERATOR,
        "registration_date": None,
        "registration_place": "",
        "moit_record_url": "",
    }
    if Site.find_for_request(request) is None:  # no Wagtail site for this host
        return operator
    edited = OperatorSettings.for_request(request)
    for field in [
        "legal_name",
        "address",
        "phone",
        "email",
        "registration_date",
        "registration_place",
        "tax_code",
        "moit_record_url",
    ]:
        value = getattr(edited, field)
        if value:
            operator[field] = value
    if edited.registration_number:
        operator["registration"] = edited.registration_number
    return operator


def site_chrome(request):
    return {
        "operator": _operator(request),
        "shop_name": settings.OSCAR_SHOP_NAME,
    }
