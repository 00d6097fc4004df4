"""/accounts/email/ — changing the email of an account."""

from django.urls import path

from . import views

app_name = "users"

urlpatterns = [
    path("", views.EmailChangeView.as_view(), name="email-change"),
    path("confirm/<str:token>/", views.EmailConfirmView.as_view(), name="email-confirm"),
]
