"""/messages/ — the buyer's conversations with cooperatives."""

from django.urls import path

from . import views

app_name = "messaging"

urlpatterns = [
    path("", views.inbox, name="inbox"),
    path("ask/<int:partner>/", views.ask, name="ask"),
    path("<int:pk>/", views.thread, name="thread"),
    path("<int:pk>/photos/<int:message>/", views.thread_photo, name="thread-photo"),
    path("orders/<str:number>/<str:suborder>/", views.order_thread, name="order-thread"),
    path("orders/<str:number>/<str:suborder>/photos/<int:message>/", views.order_photo, name="order-photo"),
]
