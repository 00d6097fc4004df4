"""/dashboard/analytics/ — adoption and sales figures for the alliance, and their Excel file."""

from django.urls import path

from . import dashboard_views

app_name = "analytics"

urlpatterns = [
    path("", dashboard_views.AnalyticsView.as_view(), name="overview"),
    path("so-lieu.xlsx", dashboard_views.AnalyticsExportView.as_view(), name="export"),
]
