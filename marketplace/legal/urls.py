from django.urls import path

from . import views

app_name = "legal"

urlpatterns = [path("accept/", views.AcceptView.as_view(), name="accept")]
