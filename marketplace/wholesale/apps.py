from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WholesaleConfig(AppConfig):
    name = "marketplace.wholesale"
    label = "wholesale"
    verbose_name = _("Bán sỉ và báo giá")
