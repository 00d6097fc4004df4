from django.urls import path, re_path

from . import views

app_name = "orders"
urlpatterns = [
    path("", views.history, name="history"),
    path("lookup/", views.guest_lookup, name="lookup"),
    path("<str:number>/", views.detail, name="detail"),
    path("<str:number>/cancel/<int:suborder_id>/", views.buyer_cancel, name="buyer-cancel"),
    re_path(
        r"^(?P<number>[^/]+)/vietqr/(?P<suborder_number>[^/]+)\.(?P<fmt>png|svg)$",
        views.vietqr_image,
        name="vietqr-image",
    ),
]
