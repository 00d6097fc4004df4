"""Request size: a body larger than REQUEST_BODY_MAX_BYTES is refused from its Content-Length.

The check runs before anything reads the body (CSRF, forms, uploads), so a 1 GB upload costs the
server nothing but the headers. Django's own DATA_UPLOAD_MAX_MEMORY_SIZE still bounds the non-file
fields, and FILE_UPLOAD_MAX_MEMORY_SIZE sends larger files to a temporary file. The reverse proxy
refuses the same sizes first (nginx: ``client_max_body_size``; see docs/security.md).
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


class RequestBodyLimitMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        limit: int = settings.REQUEST_BODY_MAX_BYTES
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0  # Django itself reads no body for an unparsable length
        if length > limit:
            return render(
                request, "security/too_large.html", {"limit_mb": limit // (1024 * 1024)}, status=413
            )
        return self.get_response(request)
