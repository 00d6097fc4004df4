"""The seller centre's wholesale URLs (added to marketplace/seller/urls.py; tests/seller/test_isolation.py
walks them)."""

from django.urls import path

from . import seller_views as views

urlpatterns = [
    path("products/<int:pk>/wholesale/", views.WholesaleTermsView.as_view(), name="product-wholesale"),
    path("quotes/", views.QuoteListView.as_view(), name="quotes"),
    path("quotes/<int:pk>/", views.QuoteDetailView.as_view(), name="quote-detail"),
]
