from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "marketplace.core"
    label = "core"
    verbose_name = "Chợ HTX"

    def ready(self):
        # Connect their receivers: sign-in/out (the header's count), offer saves and deletions.
        from . import basket_count, offers  # noqa: F401
