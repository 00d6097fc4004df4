"""Public: the report form (/report/?product=<id> or ?cooperative=<code>) and a complaint's status."""

from django.urls import path

from . import views

urlpatterns = [
    path("report/", views.ReportView.as_view(), name="violation-report"),
    path("complaints/status/<str:token>/", views.ComplaintStatusView.as_view(), name="complaint-status"),
]
