"""The seller centre's return URLs (added to marketplace/seller/urls.py; tests/seller/test_isolation.py
walks them)."""

from django.urls import path

from . import seller_views as views

urlpatterns = [
    path("returns/", views.ReturnListView.as_view(), name="returns"),
    path("returns/<int:pk>/", views.ReturnDetailView.as_view(), name="return-detail"),
    path("returns/<int:pk>/accept/", views.ReturnAcceptView.as_view(), name="return-accept"),
    path("returns/<int:pk>/refuse/", views.ReturnRefuseView.as_view(), name="return-refuse"),
    path("returns/<int:pk>/refund-only/", views.ReturnRefundOnlyView.as_view(), name="return-refund-only"),
    path("returns/<int:pk>/received/", views.ReturnReceiveView.as_view(), name="return-receive"),
    path("returns/<int:pk>/transfer/", views.ReturnTransferView.as_view(), name="return-transfer"),
    path("returns/<int:pk>/photos/<int:photo>/", views.ReturnPhotoView.as_view(), name="return-photo"),
]
