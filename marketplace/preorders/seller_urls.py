"""The seller centre's pre-order URLs (added to marketplace/seller/urls.py; tests/seller/test_isolation.py
walks them)."""

from django.urls import path

from . import seller_views as views

urlpatterns = [
    path("preorders/", views.PreorderListView.as_view(), name="preorders"),
    path("preorders/new/", views.OfferFormView.as_view(), name="preorder-create"),
    path("preorders/<int:pk>/", views.OfferFormView.as_view(), name="preorder-edit"),
    path("preorders/<int:pk>/move/", views.OfferMoveView.as_view(), name="preorder-move"),
    path(
        "preorders/deposits/<str:number>/received/",
        views.DepositStepView.as_view(step="received"),
        name="preorder-deposit-received",
    ),
    path(
        "preorders/deposits/<str:number>/refunded/",
        views.DepositStepView.as_view(step="refunded"),
        name="preorder-deposit-refunded",
    ),
]
