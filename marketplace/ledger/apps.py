from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LedgerConfig(AppConfig):
    name = "marketplace.ledger"
    label = "ledger"
    verbose_name = _("Sổ cái thanh toán")
