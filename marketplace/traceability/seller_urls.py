"""The seller centre's batch URLs (added to marketplace/seller/urls.py; tests/seller/test_isolation.py
walks them)."""

from django.urls import path

from . import seller_views as views

urlpatterns = [
    path("batches/", views.BatchListView.as_view(), name="batches"),
    path("batches/new/", views.BatchCreateView.as_view(), name="batch-create"),
    path("batches/<int:pk>/", views.BatchDetailView.as_view(), name="batch-detail"),
    path("batches/<int:pk>/steps/", views.BatchStepAddView.as_view(), name="batch-step-add"),
    path(
        "batches/<int:pk>/steps/<int:step>/remove/",
        views.BatchStepRemoveView.as_view(),
        name="batch-step-remove",
    ),
    path(
        "batches/<int:pk>/certificates/",
        views.BatchCertificateAddView.as_view(),
        name="batch-certificate-add",
    ),
    path(
        "batches/<int:pk>/certificates/<int:certificate>/remove/",
        views.BatchCertificateRemoveView.as_view(),
        name="batch-certificate-remove",
    ),
    path("batches/<int:pk>/recall/", views.BatchRecallView.as_view(), name="batch-recall"),
    path("batches/<int:pk>/tem.pdf", views.BatchLabelsView.as_view(), {"fmt": "pdf"}, name="batch-labels"),
    path("batches/<int:pk>/tem.png", views.BatchLabelsView.as_view(), {"fmt": "png"}, name="batch-label-png"),
]
