"""Template context every page needs from the CMS: the operator's details for the footer."""

from typing import Any

from django.http import HttpRequest

from .operator import operator_details


def operator(request: HttpRequest) -> dict[str, Any]:
    return {"operator": operator_details(request)}
