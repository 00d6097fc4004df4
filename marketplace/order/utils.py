"""Oscar's order utilities, with order numbers from a database sequence and stock allocated by a
conditional update (it never goes below zero); a pre-order line holds its offer's cap instead
(marketplace/preorders/holding.py)."""

from typing import Any

from oscar.apps.order.utils import *  # noqa: F403
from oscar.apps.order.utils import OrderCreator as OscarOrderCreator


class OrderNumberGenerator:
    def order_number(self, basket: Any) -> str:
        from .services import order_number_next

        return order_number_next()


class OrderCreator(OscarOrderCreator):
    def update_stock_records(self, line: Any) -> None:
        from marketplace.preorders.holding import preorder_hold

        from .services import stock_allocate

        if preorder_hold(line):  # a pre-order holds a share of its offer's cap, not stock
            return
        if line.product.get_product_class().track_stock:
            stock_allocate(
                stockrecord_id=line.stockrecord_id, quantity=line.quantity, title=line.product.title
            )
