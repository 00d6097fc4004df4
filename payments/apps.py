from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PaymentsConfig(AppConfig):
    name = "payments"
    label = "payments"
    verbose_name = _("Thanh toán")

    def ready(self) -> None:
        from . import checks  # noqa: F401  (registers the system checks)
