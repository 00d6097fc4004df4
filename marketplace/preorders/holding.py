"""Placing a pre-order line (called by the order's `OrderCreator` for every line, in the placing
transaction). The offer's row is locked (`SELECT … FOR UPDATE` on PostgreSQL; SQLite's writers are
serialised by `BEGIN IMMEDIATE`), then the live pre-orders are counted: two buyers racing for the
last units of a cap cannot both get them. Stock is not touched."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from marketplace.order.exceptions import OutOfStock

from . import selectors, text
from .models import PreorderLine, PreorderOffer


def preorder_hold(line: Any) -> bool:
    """Hold `line` against its product's current offer. False if the product has none (the line
    takes stock as usual); raises `OutOfStock` when the window is not open or the cap is reached."""
    today = selectors.local_today()
    offer = (
        PreorderOffer.objects.select_for_update()
        .filter(product_id=line.product_id, deliver_until__gte=today)
        .first()
    )
    if offer is None:
        return False
    title = line.product.get_title()
    if selectors.state(offer, today) != selectors.OPEN:
        raise OutOfStock(
            _("“%(title)s” không nhận đặt trước lúc này (%(window)s).")
            % {"title": title, "window": text.window_words(offer)}
        )
    left = offer.cap - selectors.held(offer)
    if line.quantity > left:
        raise OutOfStock(
            _(
                "Rất tiếc, đợt đặt trước “%(title)s” chỉ còn %(left)s suất: người khác đã đặt trước bạn. "
                "Hãy bớt số lượng hoặc chọn sản phẩm khác."
            )
            % {"title": title, "left": max(left, 0)}
        )
    line_total = int(line.line_price_incl_tax)
    PreorderLine.objects.create(
        line=line,
        offer=offer,
        quantity=line.quantity,
        deposit=selectors.deposit_for(offer, line_total=line_total, quantity=line.quantity),
    )
    selectors.current_offers_forget()  # fewer units left on the pages
    # The line holds no stock: stock is neither allocated now nor consumed when it ships.
    line.allocation_cancelled = True
    line.save(update_fields=["allocation_cancelled"])
    return True
