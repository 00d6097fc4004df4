"""/dashboard/applications/ — the alliance reviews cooperatives and their OCOP certificates."""

from django.urls import path

from . import alliance, assisted_views

app_name = "alliance"

urlpatterns = [
    path("", alliance.ApplicationListView.as_view(), name="applications"),
    path("<int:pk>/", alliance.ApplicationDetailView.as_view(), name="application"),
    path("<int:pk>/document/", alliance.ApplicationDocumentView.as_view(), name="application-document"),
    path("assist/", assisted_views.AssistChooseView.as_view(), name="assist"),
    path("assist/<int:pk>/start/", assisted_views.AssistStartView.as_view(), name="assist-start"),
    path("paper/", assisted_views.PaperApplicationView.as_view(), name="paper-application"),
    path("certificates/", alliance.CertificateListView.as_view(), name="certificates"),
    path("certificates/<int:pk>/", alliance.CertificateReviewView.as_view(), name="certificate"),
    path("certificates/<int:pk>/scan/", alliance.CertificateScanView.as_view(), name="certificate-scan"),
]
