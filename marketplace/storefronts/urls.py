from django.urls import path

from . import views

app_name = "cooperatives"

urlpatterns = [
    path("", views.CooperativeListView.as_view(), name="list"),
    path("<slug:slug>/", views.CooperativeDetailView.as_view(), name="detail"),
]
