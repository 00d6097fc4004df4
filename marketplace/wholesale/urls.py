"""/wholesale/ — a buyer's quotes."""

from django.urls import path

from . import views

app_name = "wholesale"

urlpatterns = [
    path("quotes/", views.quotes, name="quotes"),
    path("quotes/ask/<int:product>/", views.quote_request, name="quote-request"),
    path("quotes/<int:pk>/add/", views.quote_add, name="quote-add"),
]
