import oscar.apps.catalogue.apps as apps


class CatalogueConfig(apps.CatalogueConfig):
    name = "marketplace.catalogue"

    def ready(self):
        super().ready()
        self._no_view_counter()

    @staticmethod
    def _no_view_counter():
        """Oscar's analytics counts product views with an UPDATE on every product page GET: a write per
        visit that serialises busy products and keeps the page from being cached. Views are not
        counted, nor additions to the basket (purchases still are, on their POSTs); docs/performance.md."""
        from oscar.apps.analytics import receivers as analytics
        from oscar.apps.basket.signals import basket_addition
        from oscar.apps.catalogue.signals import product_viewed
        from oscar.apps.customer import receivers as customer

        product_viewed.disconnect(analytics.receive_product_view)
        # Nor additions to the basket: an UPDATE of the product's counter row on every
        # add-to-basket POST, serialising buyers of the same product. Purchases are still counted.
        basket_addition.disconnect(analytics.receive_basket_addition)
        # Nor is a "recently viewed" cookie written: the shop shows no such list, and a cookie
        # set by every product page would keep the page from being cached for visitors.
        product_viewed.disconnect(customer.receive_product_view)
