"""Rate limits on the public forms that cost us something: django-ratelimit on the shared cache.

Each form has a group and a rate per visitor address (marketplace/core/client_ip.py). A visitor
over the rate gets the "too many requests" page with status 429 (marketplace/core/views.py) and
nothing is written; the counters live in the default cache (Redis in production, so every web
process shares them). See docs/security.md.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from django.http import HttpRequest
from django_ratelimit.core import is_ratelimited
from django_ratelimit.decorators import ratelimit
from django_ratelimit.exceptions import Ratelimited

RATES: dict[str, str] = {
    "order-lookup": "10/m",  # guessing order numbers with a contact
    "checkout-place": "10/m",  # placing orders (stock held, emails sent)
    "seller-apply": "5/h",  # cooperative applications (papers stored, staff emailed)
    "poll-vote": "10/m",
    "complaint": "5/h",  # complaints are emailed to alliance staff
    "violation-report": "5/h",  # reports of violations wait in the alliance's queue
    "stock-alert": "10/h",  # stock-alert sign-ups email the address given
    "product-import": "30/h",  # product files are read and checked in the request
    "return-request": "10/h",  # return requests (photos stored, both sides emailed)
    "message-send": "20/m",  # messages to or from a cooperative (photos stored, emails after a wait)
}


V = TypeVar("V", bound=Callable[..., Any])


def limit_posts(group: str) -> Callable[[V], V]:
    """A view decorator: POSTs to `group` beyond its rate get the 429 page."""
    decorator: Callable[[V], V] = ratelimit(
        group=group, key="ip", rate=RATES[group], method="POST", block=True
    )
    return decorator


def check_post_rate(request: HttpRequest, *, group: str) -> None:
    """The same check inside a view (Wagtail pages' serve(), a step of a larger view)."""
    if request.method == "POST" and is_ratelimited(
        request, group=group, key="ip", rate=RATES[group], method="POST", increment=True
    ):
        raise Ratelimited()
