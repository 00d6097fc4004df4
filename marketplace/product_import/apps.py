from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProductImportConfig(AppConfig):
    name = "marketplace.product_import"
    label = "product_import"
    verbose_name = _("Nhập và xuất sản phẩm bằng tệp")
