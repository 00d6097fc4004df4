"""The operator's details (the legal entity running the floor), one answer for the footer and the JSON-LD.

The alliance edits them in the Wagtail admin (Settings → operator details); until then the
OPERATOR_* environment defaults apply, field by field."""

from typing import Any

from django.conf import settings
from django.http import HttpRequest
from wagtail.models import Site

from cms.models.site_settings import OperatorSettings

EDITABLE = [
    "legal_name",
    "address",
    "phone",
    "email",
    "registration_date",
    "registration_place",
    "tax_code",
    "moit_record_url",
]


def operator_details(request: HttpRequest | None = None) -> dict[str, Any]:
    """The environment's defaults, overridden by every field the editors filled in for this site."""
    operator: dict[str, Any] = {
        **settings.OPERATOR,
        "registration_date": None,
        "registration_place": "",
        "moit_record_url": "",
    }
    if request is None or Site.find_for_request(request) is None:  # no Wagtail site for this host
        return operator
    edited = OperatorSettings.for_request(request)
    for field in EDITABLE:
        value = getattr(edited, field)
        if value:
            operator[field] = value
    if edited.registration_number:
        operator["registration"] = edited.registration_number
    return operator
