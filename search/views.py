"""Product lists: search results, the catalogue and category pages, on one engine."""

from django.conf import settings
from django.http import HttpResponsePermanentRedirect
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from django.views.generic import ListView
from oscar.core.loading import get_model

from . import selectors
from .forms import SearchForm

Category = get_model("catalogue", "Category")


class ProductListView(ListView):
    context_object_name = "products"
    template_name = "oscar/catalogue/browse.html"
    category = None

    def get_paginate_by(self, queryset):
        return settings.OSCAR_PRODUCTS_PER_PAGE

    def get_queryset(self):
        self.form = SearchForm(self.request.GET or None)
        self.query, self.sort = self.form.cleaned()
        return selectors.product_search(query=self.query, category=self.category, sort=self.sort)

    def get_summary(self):
        return _("Tất cả sản phẩm")

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx.update(summary=self.get_summary(), category=self.category, form=self.form, query=self.query)
        return ctx


class CatalogueView(ProductListView):
    pass


class FacetedSearchView(ProductListView):
    template_name = "oscar/search/results.html"

    def get_summary(self):
        if self.query:
            return _("Kết quả cho “%(q)s”") % {"q": self.query}
        return _("Tất cả sản phẩm")


class ProductCategoryView(ProductListView):
    template_name = "oscar/catalogue/category.html"

    def get(self, request, *args, **kwargs):
        self.category = get_object_or_404(Category, pk=kwargs["pk"])
        if request.path != self.category.get_absolute_url():
            return HttpResponsePermanentRedirect(self.category.get_absolute_url())
        return super().get(request, *args, **kwargs)

    def get_summary(self):
        return self.category.name
