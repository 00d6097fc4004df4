"""What a buyer reads when placing an order fails for a reason that is not theirs: in Vietnamese,
never Oscar's English "A problem occurred while placing this order"."""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from typing import Any, TypeVar

from django.db import OperationalError
from django.utils.translation import gettext as _
from oscar.apps.order.exceptions import UnableToPlaceOrder

logger = logging.getLogger("marketplace.checkout")

R = TypeVar("R")


def placement_errors_in_words(method: Callable[..., R]) -> Callable[..., R]:
    """Wrap `handle_order_placement`: a busy database (two buyers at the same moment on SQLite) or
    any unexpected error becomes `UnableToPlaceOrder` with a message the buyer understands; Oscar
    shows it on the preview page with the basket restored. The order's transaction was rolled
    back, so nothing was placed."""

    @functools.wraps(method)
    def wrapper(self: Any, order_number: str, *args: Any, **kwargs: Any) -> R:
        try:
            return method(self, order_number, *args, **kwargs)
        except UnableToPlaceOrder:
            raise
        except OperationalError as exc:
            logger.warning("Order #%s: database busy while placing (%s)", order_number, exc)
            raise UnableToPlaceOrder(
                _(
                    "Rất nhiều người đang đặt hàng cùng lúc nên đơn của bạn chưa được tạo. "
                    "Giỏ hàng vẫn còn nguyên: hãy bấm “Đặt hàng” lại sau vài giây."
                )
            ) from exc
        except Exception as exc:
            logger.exception("Order #%s: unexpected error while placing", order_number)
            raise UnableToPlaceOrder(
                _(
                    "Có lỗi xảy ra nên đơn của bạn chưa được tạo. Giỏ hàng vẫn còn nguyên: hãy thử "
                    "đặt lại; nếu vẫn không được, hãy liên hệ Chợ HTX."
                )
            ) from exc

    return wrapper
