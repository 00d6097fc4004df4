from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PreordersConfig(AppConfig):
    name = "marketplace.preorders"
    label = "preorders"
    verbose_name = _("Đặt trước")
