"""Bulk product writes (a product import): inside `bulk_product_changes()`, saving a product or its
parts does not notify listeners one save at a time; the ids are collected and, at the end (still in
the caller's transaction), `products_changed_in_bulk` is sent once with all of them. The search
index listens to it (search/receivers.py) and rewrites its rows in batches."""

import threading
from contextlib import contextmanager

from django.dispatch import Signal

products_changed_in_bulk = Signal()  # kwargs: product_ids (a sorted list)
_state = threading.local()


@contextmanager
def bulk_product_changes():
    if getattr(_state, "ids", None) is not None:  # nested: the outer block sends
        yield
        return
    _state.ids = set()
    try:
        yield
        ids = sorted(_state.ids)
    finally:
        _state.ids = None
    if ids:
        products_changed_in_bulk.send(sender=None, product_ids=ids)


def collected(product_id) -> bool:
    """Inside a bulk block: note the product and return True (it is announced at the end)."""
    ids = getattr(_state, "ids", None)
    if ids is None or not product_id:
        return False
    ids.add(product_id)
    return True
