from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LegalConfig(AppConfig):
    name = "marketplace.legal"
    label = "legal"
    verbose_name = _("Văn bản pháp lý và sự đồng ý")
