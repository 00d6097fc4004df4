"""Order-side services, one module per concern: numbers and stock (`stock`), placing
(`placing`), the sub-order life cycle with cancellation and payments (`lifecycle`), payment timers
(`timers`) and the order's emails (`notifications`). The names below are the public ones; the
order tasks call them through this package."""

from .lifecycle import (
    CANCELLABLE,
    TASKS,
    event_add,
    order_status_sync,
    overall_status,
    suborder_cancel,
    suborder_cancel_by_buyer,
    suborder_card_paid,
    suborder_complete,
    suborder_confirm,
    suborder_deliver,
    suborder_pack,
    suborder_payment_received,
    suborder_refunded,
    suborder_ship,
)
from .notifications import (
    order_confirmation_send,
    order_status_path,
    suborder_event_notify,
    suborder_placed_notify,
    vietqr_reminder_send,
)
from .placing import basket_lock_for_placement, order_payment_method, order_place, order_split
from .stock import SEARCH_REINDEX, order_number_next, search_stock_refresh, stock_allocate
from .timers import (
    CANCEL_AFTER,
    REMIND_AFTER,
    vietqr_cancel,
    vietqr_remind,
    vietqr_timers_add,
)

__all__ = [
    "CANCELLABLE",
    "CANCEL_AFTER",
    "REMIND_AFTER",
    "SEARCH_REINDEX",
    "TASKS",
    "basket_lock_for_placement",
    "event_add",
    "order_confirmation_send",
    "order_number_next",
    "order_payment_method",
    "order_place",
    "order_split",
    "order_status_path",
    "order_status_sync",
    "overall_status",
    "search_stock_refresh",
    "stock_allocate",
    "suborder_cancel",
    "suborder_cancel_by_buyer",
    "suborder_card_paid",
    "suborder_complete",
    "suborder_confirm",
    "suborder_deliver",
    "suborder_event_notify",
    "suborder_pack",
    "suborder_payment_received",
    "suborder_placed_notify",
    "suborder_refunded",
    "suborder_ship",
    "vietqr_cancel",
    "vietqr_reminder_send",
    "vietqr_remind",
    "vietqr_timers_add",
]
