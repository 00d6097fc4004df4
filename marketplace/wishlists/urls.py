from django.urls import path

from . import views

app_name = "favourites"
urlpatterns = [
    path("", views.wishlist, name="list"),
    path("add/<int:product_pk>/", views.wishlist_add, name="add"),
    path("remove/<int:product_pk>/", views.wishlist_remove, name="remove"),
]
