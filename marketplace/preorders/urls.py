"""The buyer's pre-order URLs, under /orders/<number>/ (mounted before the order pages)."""

from django.urls import path

from . import views

app_name = "preorders"

urlpatterns = [
    path("<str:number>/preorder/<int:suborder_id>/cancel/", views.buyer_cancel, name="buyer-cancel"),
]
