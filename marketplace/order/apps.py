import oscar.apps.order.apps as apps


class OrderConfig(apps.OrderConfig):
    name = "marketplace.order"

    def ready(self) -> None:
        super().ready()
        from marketplace.catalogue.reviewers import received_check_register

        from .selectors import buyer_received_product

        received_check_register(buyer_received_product)  # reviews only from buyers who received it
