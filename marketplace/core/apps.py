from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "marketplace.core"
    label = "core"
    verbose_name = "Chợ HTX"

    def ready(self):
        from . import basket_count  # noqa: F401 - connects the sign-in/out receivers
