"""Thin views: serving pages in the URL's language, robots.txt and the sitemap."""

from django.conf import settings
from django.contrib.sitemaps.views import sitemap as django_sitemap
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import translation
from wagtail import views as wagtail_views
from wagtail.models import Locale, Page

from .sitemaps import SITEMAPS


def _url_language(request: HttpRequest) -> str:
    for code, __ in settings.LANGUAGES:
        if code != settings.LANGUAGE_CODE and request.path_info.startswith(f"/{code}/"):
            return code
    return settings.LANGUAGE_CODE


def serve_page(request: HttpRequest, path: str = "") -> HttpResponse:
    """Serve a Wagtail page from the tree of the URL's language.

    A visitor who chose English and opens a Vietnamese page with an English version is sent there;
    an /en/ address without an English page falls back to the Vietnamese page."""
    language = _url_language(request)
    with translation.override(language):
        route = Page.route_for_request(request, path)
    page = route[0] if route else None
    if language == settings.LANGUAGE_CODE:
        chosen = getattr(request, "LANGUAGE_CODE", language)
        if page is not None and chosen != language:
            english = page.get_translations().live().filter(locale__language_code=chosen).first()
            if english is not None:
                return redirect(english.url)
        return wagtail_views.serve(request, path)
    if page is None or page.locale.language_code != language:
        return _fallback(request, path, language)
    request.LANGUAGE_CODE = language
    with translation.override(language):
        response = wagtail_views.serve(request, path)
        if hasattr(response, "render"):
            response.render()
    response.headers["Content-Language"] = language
    return response


def _fallback(request: HttpRequest, path: str, language: str) -> HttpResponse:
    """No page in that language at this address: show the Vietnamese one (or 404)."""
    del request._wagtail_route_for_request  # type: ignore[attr-defined]  # Wagtail's cache of the route
    with translation.override(settings.LANGUAGE_CODE):
        route = Page.route_for_request(request, path)
    if route is None:
        return wagtail_views.serve(request, path)  # raises Http404
    page = route[0]
    translated = (
        page.get_translations()
        .live()
        .filter(locale=Locale.objects.filter(language_code=language).first())
        .first()
    )
    return redirect((translated or page).url)


def robots_txt(request: HttpRequest) -> HttpResponse:
    lines = [
        "User-agent: *",
        *[
            f"Disallow: {path}"
            for path in [
                "/basket/",
                "/checkout/",
                "/accounts/",
                "/dashboard/",
                "/cms-admin/",
                "/django-admin/",
                "/search/",
            ]
        ],
        "Allow: /",
        "",
        f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


def sitemap(request: HttpRequest) -> HttpResponse:
    return django_sitemap(request, sitemaps=SITEMAPS)
