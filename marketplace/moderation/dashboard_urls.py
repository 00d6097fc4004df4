"""/dashboard/moderation/ — reports, takedowns and appeals, complaints, exports for authorities."""

from django.urls import path

from . import dashboard_views as views

app_name = "moderation"

urlpatterns = [
    path("", views.ReportQueueView.as_view(), name="reports"),
    path("reports/<int:pk>/", views.ReportDetailView.as_view(), name="report"),
    path("takedowns/", views.TakedownListView.as_view(), name="takedowns"),
    path("takedowns/new/", views.TakedownCreateView.as_view(), name="takedown-create"),
    path("takedowns/<int:pk>/", views.TakedownDetailView.as_view(), name="takedown"),
    path("complaints/", views.ComplaintListView.as_view(), name="complaints"),
    path("complaints/<int:pk>/", views.ComplaintDetailView.as_view(), name="complaint"),
    path("exports/", views.AuthorityExportView.as_view(), name="exports"),
]
