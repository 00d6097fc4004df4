"""Whole pages cached for visitors who are not signed in (docs/performance.md, "Whole pages").

A `GET` from a visitor who is not signed in and has no message waiting is answered from the
"pages" cache when it holds the page: keyed by the site's address, the path with its query and the
display language, and kept with the version of everything pages show (`fragments.pages_version`,
bumped by the same saves that re-index search or make cached fragments stale; a page kept under
an older version is rendered again). A miss renders the page as
usual and keeps it if nothing in the rendering depended on the visitor.

What makes a page personal is found out while it renders, not listed by hand, and such a page is
answered but never kept: the view read the session or a cookie (other than the language, the CSRF
and the session cookies), loaded the basket, added or found a message, set a cookie, asked for the
real CSRF token or nonce, varies on another header, marked itself private, or answered anything but
a 200 HTML page. Signed-in visitors, `POST`s and the paths of accounts, basket, checkout, orders,
payments, messages, the seller centre and the back office never touch the cache.

The two values that differ on every response of a kept page are left as holes while it renders and
filled for each visitor when it is served: the CSRF token of its forms (`csrf_hole`, a context
processor that stands in for Django's while a page renders for the cache; the visitor's own token
is filled in, so the forms of a cached page work) and the Content-Security-Policy nonce.

Each answer carries an `ETag` (and `Last-Modified` when the page has no form), so a browser's
conditional `GET` gets `304 Not Modified`; the ETag of a page with forms includes a digest of the
visitor's CSRF secret, so a copy holding an old token is never revalidated. `Cache-Control:
private, no-cache`: browsers keep a copy and ask each time, shared caches keep none.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.core.cache import caches
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.middleware.csrf import get_token
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date, quote_etag

from marketplace.core import fragments

# Same lengths as a masked CSRF token (64) and a nonce (24), so a filled page keeps its length.
CSRF_HOLE = "chohtxPageCacheCsrfTokenHoleFilledForEachVisitorWhenServedXXXXX"
NONCE_HOLE = "chohtxPageCacheNonceHole"
HEADER = "X-Page-Cache"
_RENDERING = "_chohtx_page_cache_rendering"

# Never cached, whoever asks: these pages are about one visitor or change state.
PRIVATE_PATHS = (
    "/accounts/",
    "/basket/",
    "/checkout/",
    "/orders/",
    "/payments/",
    "/messages/",
    "/seller/",
    "/dashboard/",
    "/cms-admin/",
    "/django-admin/",
    "/i18n/",
    "/geo/",
    "/documents/",
    "/media/",
    "/static/",
    # One visitor's own pages (a complaint's status by its link, a report, consent, quotes) and
    # pages whose data changes without a save that makes pages stale (a batch's recall).
    "/complaints/",
    "/report/",
    "/legal/",
    "/wholesale/",
    "/truy-xuat/",
    "/01/",
)
# Headers the cache sets itself on every answer, or that belong to one response only.
_NOT_KEPT = {"cache-control", "etag", "last-modified", "expires", "date", "content-length", HEADER.lower()}
_VARY_KEYED = {"cookie", "accept-encoding"}  # the key and the conditions above cover what these select


def csrf_hole(request: HttpRequest) -> dict[str, str]:
    """Context processor, after Django's: a page rendering for the cache gets a hole for its
    CSRF token, filled with each visitor's own token when served."""
    return {"csrf_token": CSRF_HOLE} if getattr(request, _RENDERING, False) else {}


class _WatchedCookies(dict):
    """The request's cookies, noting which ones the view reads."""

    SHARED = frozenset(
        {settings.LANGUAGE_COOKIE_NAME, settings.CSRF_COOKIE_NAME, settings.SESSION_COOKIE_NAME}
    )

    def __init__(self, cookies: dict[str, str]):
        super().__init__(cookies)
        self.read: set[str] = set()

    def _note(self, name: object) -> None:
        if name not in self.SHARED:
            self.read.add(str(name))

    def __getitem__(self, name: str) -> str:
        self._note(name)
        return super().__getitem__(name)

    def __contains__(self, name: object) -> bool:
        self._note(name)
        return super().__contains__(name)

    def get(self, name: str, default: Any = None) -> Any:
        self._note(name)
        return super().get(name, default)


def eligible(request: HttpRequest) -> bool:
    """May this request be answered from the cache (and its page kept)?"""
    if request.method not in ("GET", "HEAD") or not settings.PAGE_CACHE_SECONDS:
        return False
    if request.path_info.startswith(PRIVATE_PATHS) or "HTTP_AUTHORIZATION" in request.META:
        return False
    if request.user.is_authenticated:
        return False
    # A message waiting (in its cookie or the session) is shown by the next page rendered.
    return not len(messages.get_messages(request))


def page_key(request: HttpRequest) -> str:
    """The page's key; the version it was kept under is in the entry (a stale one is replaced)."""
    scheme = "https" if request.is_secure() else "http"
    language = getattr(request, "LANGUAGE_CODE", settings.LANGUAGE_CODE)
    address = f"{scheme}://{request.get_host()}{request.get_full_path()}|{language}"
    return "page:" + hashlib.sha256(address.encode()).hexdigest()


class PageCacheMiddleware:
    """After sessions, the locale, CSRF, authentication and messages (it reads what they found);
    before the basket and everything else, which a cached page skips."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if not eligible(request):
            response = self.get_response(request)
            html = response.get("Content-Type", "").startswith("text/html")
            if html and "Cache-Control" not in response and request.user.is_authenticated:
                patch_cache_control(response, private=True)  # never kept by a shared cache
            return response
        pages = caches[fragments.PAGES]
        key, version_key = page_key(request), fragments.pages_version_key()
        found = pages.get_many([version_key, key])  # one round trip to Redis
        version = found.get(version_key) or fragments.pages_version()
        entry = found.get(key)
        if entry is not None and entry["version"] == version:
            return _answer(request, _response_of(entry), entry, "hit")
        if request.method != "GET":
            return self.get_response(request)
        response, refusal = self._render(request)
        if refusal:
            if not response.streaming:
                _fill(request, response)
            response[HEADER] = f"miss, not kept: {refusal}"
            return response
        # Under the version read before rendering: a save while it rendered leaves it stale.
        entry = _entry_of(response) | {"version": version}
        pages.set(key, entry, timeout=settings.PAGE_CACHE_SECONDS)
        return _answer(request, response, entry, "miss")

    def _render(self, request: HttpRequest) -> tuple[HttpResponseBase, str]:
        """Render with holes for the token and the nonce, watching for anything personal."""
        meta = request.META
        token_wanted = meta.pop("CSRF_COOKIE_NEEDS_UPDATE", None)
        nonce = request.__dict__.get("csp_nonce")
        session = getattr(request, "session", None)
        session_accessed = getattr(session, "accessed", False)
        if session is not None:
            session.accessed = False
        cookies = request.COOKIES
        watched = _WatchedCookies(cookies)
        request.COOKIES = watched
        if nonce is not None:
            request.csp_nonce = NONCE_HOLE  # type: ignore[attr-defined]
        setattr(request, _RENDERING, True)
        try:
            response = self.get_response(request)
        finally:
            setattr(request, _RENDERING, False)
            request.COOKIES = cookies
            if nonce is not None:
                request.csp_nonce = nonce  # type: ignore[attr-defined]
            token_used = meta.get("CSRF_COOKIE_NEEDS_UPDATE", False)
            if token_wanted:
                meta["CSRF_COOKIE_NEEDS_UPDATE"] = True
            session_read = getattr(session, "accessed", False)
            if session is not None:
                session.accessed = session_accessed or session_read
        if token_used:
            return response, "the CSRF token was used"
        if session_read:
            return response, "the session was read"
        if watched.read:
            return response, "a cookie was read"
        return response, _refusal(request, response)


def _refusal(request: HttpRequest, response: HttpResponseBase) -> str:
    """Why this response may not be kept ("" when it may)."""
    if response.status_code != 200 or response.streaming:
        return "not a complete 200 answer"
    if not response.get("Content-Type", "").startswith("text/html"):
        return "not HTML"
    if response.cookies:
        return "it sets a cookie"
    control = response.get("Cache-Control", "").lower()
    if any(word in control for word in ("private", "no-store", "no-cache")):
        return "marked private"
    vary = {v.strip().lower() for v in response.get("Vary", "").split(",") if v.strip()}
    if vary - _VARY_KEYED:
        return "it varies on another header"
    if response.has_header("Content-Disposition"):
        return "a download"
    if any(name.startswith(("_csp", "xframe_options")) for name in vars(response)):
        return "it sets its own security headers"
    if getattr(request, "_basket_cache", None) is not None:
        return "the basket was loaded"
    storage = messages.get_messages(request)
    if len(storage) or getattr(storage, "added_new", False):
        return "a message"
    if request.user.is_authenticated:
        return "signed in"
    return ""


def _entry_of(response: HttpResponseBase) -> dict[str, Any]:
    content: bytes = response.content  # type: ignore[attr-defined]  # complete, checked above
    return {
        "content": content,
        "headers": [(k, v) for k, v in response.items() if k.lower() not in _NOT_KEPT],
        "etag": hashlib.sha256(content).hexdigest()[:32],
        "stored": time.time(),
    }


def _response_of(entry: dict[str, Any]) -> HttpResponse:
    response = HttpResponse(entry["content"])
    for name, value in entry["headers"]:
        response[name] = value
    return response


def _answer(
    request: HttpRequest, response: HttpResponseBase, entry: dict[str, Any], status: str
) -> HttpResponseBase:
    """The kept page for this visitor: validators, a 304 when their copy is current, holes filled."""
    etag = entry["etag"]
    last_modified: float | None = entry["stored"]
    if CSRF_HOLE.encode() in entry["content"]:
        get_token(request)  # the visitor's own secret (a new one, sent as a cookie, if none)
        secret = request.META["CSRF_COOKIE"]
        etag += "-" + hashlib.sha256(secret.encode()).hexdigest()[:12]
        last_modified = None  # only the ETag tells copies with another visitor's token apart
    response["ETag"] = quote_etag(etag)
    if last_modified is not None:
        response["Last-Modified"] = http_date(last_modified)
    patch_cache_control(response, private=True, no_cache=True)
    response[HEADER] = status
    seconds = int(last_modified) if last_modified is not None else None
    conditional = get_conditional_response(
        request,
        etag=response["ETag"],
        last_modified=seconds,
        response=response,  # type: ignore[arg-type]  # any response: only its status and headers are read
    )
    if conditional is not None and conditional is not response:
        conditional[HEADER] = status
        return conditional
    _fill(request, response)
    return response


def _fill(request: HttpRequest, response: HttpResponseBase) -> None:
    """The visitor's own CSRF token and this response's nonce in place of the holes."""
    content: bytes = response.content  # type: ignore[attr-defined]
    if CSRF_HOLE.encode() in content:
        content = content.replace(CSRF_HOLE.encode(), get_token(request).encode())
    if NONCE_HOLE.encode() in content:
        content = content.replace(NONCE_HOLE.encode(), str(request.csp_nonce).encode())  # type: ignore[attr-defined]
    response.content = content  # type: ignore[attr-defined]
    if response.has_header("Content-Length"):
        response["Content-Length"] = str(len(content))
