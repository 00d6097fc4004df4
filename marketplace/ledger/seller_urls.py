from django.urls import path

from . import seller_views

app_name = "money"

urlpatterns = [
    path("", seller_views.MoneyView.as_view(), name="overview"),
    path("statements/<int:pk>/", seller_views.StatementView.as_view(), name="statement"),
    path(
        "statements/<int:pk>/bang-ke.pdf",
        seller_views.StatementFileView.as_view(),
        {"fmt": "pdf"},
        name="statement-pdf",
    ),
    path(
        "statements/<int:pk>/bang-ke.xlsx",
        seller_views.StatementFileView.as_view(),
        {"fmt": "xlsx"},
        name="statement-xlsx",
    ),
]
