"""/dashboard/returns/ — escalated returns, for alliance staff (the dashboard middleware and the
views both require is_staff)."""

from django.urls import path

from . import alliance_views

app_name = "returns-alliance"

urlpatterns = [
    path("", alliance_views.EscalationListView.as_view(), name="list"),
    path("<int:pk>/", alliance_views.EscalationDetailView.as_view(), name="detail"),
    path("<int:pk>/photos/<int:photo>/", alliance_views.EscalationPhotoView.as_view(), name="photo"),
]
