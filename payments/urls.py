from django.urls import path

from . import views

app_name = "payments"
urlpatterns = [
    path("card/<str:number>/", views.card_payment, name="card"),
    path("stripe/webhook/", views.stripe_webhook, name="stripe-webhook"),
]
