"""The buyer's return URLs, under /orders/<number>/ (mounted before the order pages)."""

from django.urls import path

from . import views

app_name = "returns"

urlpatterns = [
    path("<str:number>/returns/<str:suborder>/new/", views.return_new, name="new"),
    path("<str:number>/returns/<int:pk>/escalate/", views.return_escalate, name="escalate"),
    path("<str:number>/returns/<int:pk>/received/", views.return_confirm, name="confirm"),
    path("<str:number>/returns/<int:pk>/photos/<int:photo>/", views.return_photo, name="photo"),
]
