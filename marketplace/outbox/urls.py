"""/dashboard/outbox/ — dead letters, for alliance staff."""

from django.urls import path

from . import views

app_name = "outbox"

urlpatterns = [
    path("", views.DeadLetterListView.as_view(), name="dead-letters"),
    path("<int:pk>/<str:action>/", views.DeadLetterActionView.as_view(), name="dead-letter-action"),
]
