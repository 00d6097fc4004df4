import oscar.apps.catalogue.apps as apps


class CatalogueConfig(apps.CatalogueConfig):
    name = "marketplace.catalogue"

    def ready(self):
        super().ready()
        from marketplace.wishlists import receivers  # noqa: F401 - connects the sign-in receiver
