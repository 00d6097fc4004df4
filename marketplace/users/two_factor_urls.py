from django.urls import path

from .two_factor_views import TwoFactorSetupView, TwoFactorVerifyView

app_name = "two_factor"
urlpatterns = [
    path("", TwoFactorVerifyView.as_view(), name="verify"),
    path("setup/", TwoFactorSetupView.as_view(), name="setup"),
]
