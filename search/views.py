"""Product lists (search results, the catalogue, category pages) on one engine, and suggestions."""

from collections.abc import Iterator
from typing import Any, overload

from django.conf import settings
from django.core.paginator import InvalidPage, Paginator
from django.http import Http404, HttpRequest, HttpResponse, HttpResponsePermanentRedirect, JsonResponse
from django.shortcuts import get_object_or_404
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic import TemplateView
from oscar.core.loading import get_model

from . import selectors
from .forms import MAX_QUERY_LENGTH, SearchForm, facet_filters
from .query import FACET_LABELS, FACETS, SearchQuery

Category = get_model("catalogue", "Category")


class _Window:
    """A paginator's view of results of which only the current page was fetched."""

    def __init__(self, total: int, items: list[Any]) -> None:
        self.total, self.items = total, items

    def count(self) -> int:
        return self.total

    def __len__(self) -> int:
        return self.total

    @overload
    def __getitem__(self, key: int) -> Any: ...
    @overload
    def __getitem__(self, key: slice) -> list[Any]: ...
    def __getitem__(self, key: int | slice) -> Any:
        return self.items

    def __iter__(self) -> Iterator[Any]:
        return iter(self.items)


# Far beyond any real list; a larger number would become an OFFSET the database cannot hold.
MAX_PAGE = 10_000


def _page_number(request: HttpRequest) -> int:
    try:
        number = max(int(request.GET.get("page", 1)), 1)
    except ValueError as exc:
        raise Http404(_("Trang không hợp lệ.")) from exc
    if number > MAX_PAGE:
        raise Http404(_("Không có trang này."))
    return number


def _toggle_url(request: HttpRequest, name: str, value: str) -> str:
    params = request.GET.copy()
    params.pop("page", None)
    values = params.getlist(name)
    params.setlist(name, [v for v in values if v != value] if value in values else [*values, value])
    return "?" + params.urlencode()


class ProductListView(TemplateView):
    template_name = "oscar/catalogue/browse.html"
    category: Any = None

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        self.form = SearchForm(request.GET or None)
        self.query_text, self.sort = self.form.cleaned()
        per_page = settings.OSCAR_PRODUCTS_PER_PAGE
        number = _page_number(request)
        self.search_query = SearchQuery(
            text=self.query_text,
            category_id=self.category.pk if self.category else None,
            filters=facet_filters(request.GET),
            sort=self.sort,
            offset=(number - 1) * per_page,
            limit=per_page,
        )
        self.results = selectors.product_results(self.search_query)
        self.paginator: Paginator[Any] = Paginator(
            _Window(self.results.total, self.results.products), per_page
        )
        try:
            self.page = self.paginator.page(number)
        except InvalidPage as exc:
            raise Http404(_("Không có trang này.")) from exc
        return super().get(request, *args, **kwargs)

    def get_summary(self) -> str | Promise:
        return _("Tất cả sản phẩm")

    def facet_groups(self) -> list[dict]:
        chosen = self.search_query.filters
        groups = []
        for name in FACETS:
            if name == "subgroup" and not (chosen.get("group") or self.category):
                continue
            values = self.results.facets.get(name, [])
            for facet in values:
                facet.url = _toggle_url(self.request, name, facet.value)
            if values:
                groups.append({"name": name, "label": FACET_LABELS[name], "values": values})
        return groups

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        ctx = super().get_context_data(**kwargs)
        chosen = [f for group in self.facet_groups() for f in group["values"] if f.selected]
        params = self.request.GET.copy()
        for name in FACETS + ("page",):
            params.pop(name, None)
        ctx.update(
            summary=self.get_summary(),
            category=self.category,
            form=self.form,
            query=self.query_text,
            products=self.results.products,
            paginator=self.paginator,
            page_obj=self.page,
            is_paginated=self.paginator.num_pages > 1,
            facet_groups=self.facet_groups(),
            chosen_facets=chosen,
            clear_facets_url="?" + params.urlencode(),
            search_backend=self.results.backend,
        )
        return ctx


class CatalogueView(ProductListView):
    pass


class FacetedSearchView(ProductListView):
    template_name = "oscar/search/results.html"

    def get_summary(self) -> str | Promise:
        if self.query_text:
            return _("Kết quả cho “%(q)s”") % {"q": self.query_text}
        return _("Tất cả sản phẩm")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        ctx = super().get_context_data(**kwargs)
        first_page = self.page.number == 1
        ctx["cooperatives"] = selectors.cooperatives_matching(self.query_text) if first_page else []
        for cooperative in ctx["cooperatives"]:
            cooperative.search_url = selectors.cooperative_url(cooperative)
        ctx["stories"] = selectors.stories_matching(self.query_text) if first_page else []
        nothing = self.query_text and not self.results.total and not self.search_query.filters
        ctx["did_you_mean"] = selectors.did_you_mean(self.query_text) if nothing else ""
        return ctx


class ProductCategoryView(ProductListView):
    template_name = "oscar/catalogue/category.html"

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        self.category = get_object_or_404(Category, pk=kwargs["pk"])
        if request.path != self.category.get_absolute_url():
            return HttpResponsePermanentRedirect(self.category.get_absolute_url())
        return super().get(request, *args, **kwargs)

    def get_summary(self) -> str | Promise:
        return str(self.category.name)


class SuggestView(View):
    """`/search/suggest/?q=` -> products, cooperatives and categories for the search box."""

    def get(self, request: HttpRequest) -> JsonResponse:
        text = request.GET.get("q", "")[:MAX_QUERY_LENGTH]
        response = JsonResponse({"q": text, **selectors.suggestions(text)})
        response["Cache-Control"] = "public, max-age=60"
        return response
