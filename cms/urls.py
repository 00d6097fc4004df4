"""Page URLs: Vietnamese pages have no prefix (/stories/...), English ones live under /en/ (/en/stories/...).

The URL alone decides a page's language; the shop's URLs are never prefixed. Mounted last in
marketplace/urls.py, in place of Wagtail's catch-all."""

from typing import Any

from django.conf import settings
from django.urls import URLResolver, re_path
from django.urls.resolvers import LocalePrefixPattern
from wagtail import urls as wagtail_urls
from wagtail.urls import serve_pattern

from . import views


class PageLanguagePrefix(LocalePrefixPattern):
    """Reverses like i18n_patterns (no prefix for Vietnamese), but matches whatever the active language."""

    def __init__(self) -> None:
        super().__init__(prefix_default_language=False)

    def match(self, path: str) -> Any:
        for code, __ in settings.LANGUAGES:
            if code != settings.LANGUAGE_CODE and path.startswith(f"{code}/"):
                return path.removeprefix(f"{code}/"), (), {}
        return path, (), {}


page_patterns = [
    *[pattern for pattern in wagtail_urls.urlpatterns if getattr(pattern, "name", "") != "wagtail_serve"],
    re_path(serve_pattern, views.serve_page, name="wagtail_serve"),
]

urlpatterns = [URLResolver(PageLanguagePrefix(), page_patterns)]
