"""The seller centre's message URLs (added to marketplace/seller/urls.py; tests/seller/test_isolation.py
walks them)."""

from django.urls import path

from . import seller_views as views

urlpatterns = [
    path("messages/", views.InboxView.as_view(), name="messages"),
    path("messages/<int:pk>/", views.ThreadView.as_view(), name="message-thread"),
    path("messages/<int:pk>/photos/<int:message>/", views.PhotoView.as_view(), name="message-photo"),
    path("messages/orders/<str:number>/", views.StartView.as_view(), name="order-message"),
]
