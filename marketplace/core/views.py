"""Pages the project shows instead of a view's own: too many requests."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def rate_limited(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """A rate-limited request (django-ratelimit's RATELIMIT_VIEW): a plain message, status 429."""
    response = render(request, "security/rate_limited.html", status=429)
    response["Retry-After"] = "60"
    return response
