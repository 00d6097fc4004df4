"""Orders made directly (Oscar's own test helper), without the checkout views, and split into
sub-orders as the checkout splits them."""


def place_order(*products, number=None):
    """An order through Oscar's own test helper, one line per product."""
    from oscar.apps.partner.strategy import Default
    from oscar.core.loading import get_model
    from oscar.test.factories import create_order

    basket = get_model("basket", "Basket").objects.create()
    basket.strategy = Default()
    for product in products:
        basket.add_product(product)
    return create_order(number=number, basket=basket)


def split_order(order, *, payment_method="cod"):
    """One sub-order per cooperative of an order placed with `place_order`, as the checkout makes them
    (numbered <order>-1, -2, … in line order, each with its "new" event)."""
    from marketplace.order.models import SubOrder, SubOrderEvent

    suborders = []
    for line in order.lines.order_by("pk"):
        if any(s.partner_id == line.partner_id for s in suborders):
            continue
        total = sum(other.line_price_incl_tax for other in order.lines.filter(partner_id=line.partner_id))
        suborder = SubOrder.objects.create(
            order=order,
            partner_id=line.partner_id,
            number=f"{order.number}-{len(suborders) + 1}",
            payment_method=payment_method,
            shipping_code="flat",
            shipping_label="Giao tận nơi",
            lines_total=total,
            total=total,
        )
        SubOrderEvent.objects.create(suborder=suborder, status="new", note_code="placed")
        suborders.append(suborder)
    return suborders
