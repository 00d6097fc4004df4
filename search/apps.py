"""The project's search app *is* Oscar's `search` app (same label), so that Oscar's
catalogue loads its list views from here (see README, decision 2)."""

from typing import Any

from django.urls import path
from django.utils.translation import gettext_lazy as _
from oscar.core.application import OscarConfig


class SearchConfig(OscarConfig):
    label = "search"
    name = "search"
    verbose_name = _("Tìm kiếm")
    namespace = "search"

    def ready(self) -> None:
        from . import receivers  # noqa: F401
        from .views import FacetedSearchView, SuggestView

        self.search_view = FacetedSearchView
        self.suggest_view = SuggestView

    def get_urls(self) -> list[Any]:
        urls: list[Any] = self.post_process_urls(
            [
                path("", self.search_view.as_view(), name="search"),
                path("suggest/", self.suggest_view.as_view(), name="suggest"),
            ]
        )
        return urls
