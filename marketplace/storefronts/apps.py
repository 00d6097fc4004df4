from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StorefrontsConfig(AppConfig):
    name = "marketplace.storefronts"
    label = "storefronts"
    verbose_name = _("Gian hàng hợp tác xã")
