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
    def create_additional_line_models(self, order: Any, order_line: Any, basket_line: Any) -> None:
        super().create_additional_line_models(order, order_line, basket_line)
        # Remembered for `update_stock_records`, which Oscar calls with the basket's lines.
        self.order_lines: dict[int, Any] = {**getattr(self, "order_lines", {}), basket_line.pk: order_line}

    def update_stock_records(self, line: Any) -> None:
        from marketplace.preorders.holding import preorder_hold

        from .services import stock_allocate

        order_line = getattr(self, "order_lines", {}).get(line.pk)
        if order_line is not None and preorder_hold(order_line):  # holds its offer's cap, not stock
            return
        if line.product.get_product_class().track_stock:
            stock_allocate(
                stockrecord_id=line.stockrecord_id, quantity=line.quantity, title=line.product.title
            )
