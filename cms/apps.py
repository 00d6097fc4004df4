from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CmsConfig(AppConfig):
    name = "cms"
    label = "cms"
    verbose_name = _("Nội dung")

    def ready(self) -> None:
        from search.sources import stories_register

        from . import receivers  # noqa: F401 - cached CMS content goes stale when pages change
        from .legal_versions import register as legal_versions_register
        from .models import StoryPage

        stories_register(StoryPage)  # stories are found by the site's search
        legal_versions_register()  # the domain asks the CMS where a legal version can be read
