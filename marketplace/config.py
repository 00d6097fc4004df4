"""The project's Oscar root: Oscar's shop URLs at the site root, without Oscar's
home-page redirect, so that Wagtail owns `/` (see README, decision 1)."""

from oscar import config


class Shop(config.Shop):
    name = "oscar"

    def get_urls(self):
        return [url for url in super().get_urls() if getattr(url, "name", None) != "home"]
