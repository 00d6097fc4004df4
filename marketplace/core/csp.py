"""Content-Security-Policy: one strict policy for the shop, one for the back office.

The shop's policy (settings.CONTENT_SECURITY_POLICY) allows scripts only from the site itself,
Stripe's Payment Element and inline scripts carrying the request's nonce. Wagtail's admin,
Oscar's dashboard (TinyMCE, date pickers) and Django's admin write inline styles and, in places,
inline event handlers: they get BACK_OFFICE_POLICY, which is still limited to the site's own
origin for every fetch, frame and form.
"""

from __future__ import annotations

from csp.constants import NONE, SELF, UNSAFE_INLINE
from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.http import HttpRequest, HttpResponseBase

BACK_OFFICE_POLICY = {
    "default-src": [SELF],
    "script-src": [SELF, UNSAFE_INLINE],
    "style-src": [SELF, UNSAFE_INLINE],
    "img-src": [SELF, "data:", "blob:", "https:"],
    "font-src": [SELF, "data:"],
    "connect-src": [SELF],
    "frame-src": [
        SELF,
        "https://www.youtube.com",
        "https://www.youtube-nocookie.com",
        "https://player.vimeo.com",
    ],
    "form-action": [SELF],
    "frame-ancestors": [SELF],
    "base-uri": [SELF],
    "object-src": [NONE],
}


def is_back_office(path: str) -> bool:
    return path.startswith(tuple(settings.TWO_FACTOR_PATHS))


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    def get_policy_parts(
        self, request: HttpRequest, response: HttpResponseBase, report_only: bool = False
    ) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and parts.config is None and is_back_office(request.path_info):
            parts.config = BACK_OFFICE_POLICY
            parts.nonce = None
        return parts
