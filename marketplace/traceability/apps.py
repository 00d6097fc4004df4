from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TraceabilityConfig(AppConfig):
    name = "marketplace.traceability"
    label = "traceability"
    verbose_name = _("Truy xuất nguồn gốc")

    def ready(self) -> None:
        # The order app sits below this one: it asks for batches through its own interface
        # (marketplace/order/batches.py) and this app answers it.
        from marketplace.order.batches import batch_keeper_set

        from .keeper import LotKeeper

        batch_keeper_set(LotKeeper())
