"""Public provenance pages (mounted at the root, before Wagtail's catch-all)."""

from django.urls import path, re_path

from . import views

app_name = "traceability"

urlpatterns = [
    path("truy-xuat/<str:code>/", views.ProvenanceView.as_view(), name="batch"),
    re_path(
        r"^01/(?P<gtin>[0-9]{8,14})/10/(?P<code>[A-Za-z0-9._-]{1,20})/?$", views.Gs1View.as_view(), name="gs1"
    ),
]
