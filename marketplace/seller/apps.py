from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SellerConfig(AppConfig):
    name = "marketplace.seller"
    label = "seller"
    verbose_name = _("Trang quản lý của hợp tác xã")
