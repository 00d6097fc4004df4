"""Pages the project shows instead of a view's own (too many requests) and the language switch."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views import i18n
from django.views.decorators.csrf import csrf_exempt


def rate_limited(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """A rate-limited request (django-ratelimit's RATELIMIT_VIEW): a plain message, status 429."""
    response = render(request, "security/rate_limited.html", status=429)
    response["Retry-After"] = "60"
    return response


# Choosing the display language needs no CSRF token: it changes a cookie that only picks the words
# on the page (another site making a visitor "choose" English gains nothing), and a form without a
# per-visitor token keeps the header the same for every visitor, so pages can be cached. Django's
# view still refuses a `next` address on another host.
set_language = csrf_exempt(i18n.set_language)
