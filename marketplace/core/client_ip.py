"""The visitor's IP address, the one way sign-in throttling and rate limits read it.

Behind a reverse proxy every request comes from the proxy, so REMOTE_ADDR alone would put every
visitor in one bucket. With ``TRUSTED_PROXY_COUNT`` set to the number of proxies in front of the
app (nginx: 1), the address is taken from X-Forwarded-For, counted from the right, so a client
cannot choose it by sending its own header.
"""

from __future__ import annotations

import ipaddress

from django.conf import settings
from django.http import HttpRequest

UNKNOWN = "0.0.0.0"  # noqa: S104 - a placeholder bucket, not a bind address


def _valid(address: str) -> str | None:
    try:
        return str(ipaddress.ip_address(address.strip()))
    except ValueError:
        return None


def client_ip(request: HttpRequest) -> str:
    proxies: int = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    if proxies > 0:
        forwarded = [part for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        if len(forwarded) >= proxies:
            address = _valid(forwarded[-proxies])
            if address:
                return address
    return _valid(request.META.get("REMOTE_ADDR") or "") or UNKNOWN
