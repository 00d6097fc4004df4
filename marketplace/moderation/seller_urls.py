"""The seller centre's takedown URLs (added to marketplace/seller/urls.py; tests/seller/test_isolation.py
walks them)."""

from django.urls import path

from . import seller_views as views

urlpatterns = [
    path("takedowns/", views.TakedownListView.as_view(), name="takedowns"),
    path("takedowns/<int:pk>/", views.TakedownDetailView.as_view(), name="takedown"),
]
