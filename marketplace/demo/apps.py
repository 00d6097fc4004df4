from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo floor: depends on every other app, and no app depends on it."""

    name = "marketplace.demo"
    label = "demo"
    verbose_name = "Chợ HTX demo"
