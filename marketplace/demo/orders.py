"""Demo orders for the cooperatives whose staff accounts the demo hands out, one in each step of
the sub-order life cycle, so the seller centre's order screens and the buyer's timeline have
something to show. Placed through the checkout's own service (`order_place`, with Oscar's order
creator and its conditional stock allocation, and per-cooperative shipping) and moved along with
the same services the seller centre calls."""

from __future__ import annotations

from collections.abc import Callable

from django.db import transaction
from django.utils import timezone
from oscar.core.loading import get_class, get_model

from marketplace.catalogue.models import Product
from marketplace.delivery.selectors import basket_groups
from marketplace.order import services as order_services
from marketplace.order.models import SubOrder
from marketplace.order.utils import OrderCreator
from marketplace.outbox.models import OutboxMessage, OutboxStatus
from marketplace.partner.models import Partner, StockRecord
from marketplace.partner.strategy import Selector
from marketplace.shipping.methods import PerCooperative
from marketplace.users.models import User

Basket = get_model("basket", "Basket")
Country = get_model("address", "Country")
ShippingAddress = get_model("order", "ShippingAddress")
OrderTotalCalculator = get_class("checkout.calculators", "OrderTotalCalculator")

ADDRESS = {
    "first_name": "Nguyễn Thị Lan",
    "line1": "Số 12, đường Tràng An",
    "line4": "Phường Hoa Lư",
    "state": "Ninh Bình",
    "phone_number": "+84912345678",
    "notes": "Gọi trước khi giao.",
}

# (payment method, which of the two cooperatives, steps to take on every sub-order)
SCENARIOS = (
    ("cod", (0, 1), ()),
    ("vietqr", (0,), ()),
    ("cod", (0,), ("confirm",)),
    ("cod", (1, 0), ("confirm", "pack")),
    ("vietqr", (0, 1), ("paid", "confirm", "pack", "ship")),
    ("cod", (0,), ("confirm", "pack", "ship", "deliver", "complete")),
    ("cod", (1,), ("cancel",)),
)
EMAIL_TASKS = [
    f"{order_services.TASKS}.{name}"
    for name in ("order_confirmation_send", "suborder_placed_notify", "suborder_event_notify")
]
STEPS: dict[str, Callable[..., SubOrder]] = {
    "paid": order_services.suborder_payment_received,
    "confirm": order_services.suborder_confirm,
    "pack": order_services.suborder_pack,
    "ship": order_services.suborder_ship,
    "deliver": order_services.suborder_deliver,
    "complete": order_services.suborder_complete,
    "cancel": order_services.suborder_cancel,
}


def _step(name: str, suborder: SubOrder, actor: User | None) -> None:
    extra = {
        "ship": {"carrier": "Viettel Post", "tracking_code": f"VTP{suborder.pk:08d}"},
        "cancel": {"reason": "Hết hàng tươi trong ngày, hẹn khách đơn sau."},
    }.get(name, {})
    STEPS[name](suborder_id=suborder.pk, actor=actor, **extra)


def _products_of(partner: Partner, count: int) -> list[Product]:
    records = (
        StockRecord.objects.filter(partner=partner, product__is_public=True, num_in_stock__gte=10)
        .select_related("product")
        .order_by("product__title")[:count]
    )
    return [record.product for record in records]


def _place(customer: User, products_by_partner: list[list[Product]], payment_method: str) -> list[SubOrder]:
    basket = Basket.objects.create(owner=customer)
    basket.strategy = Selector().strategy(user=customer)
    for products in products_by_partner:
        for index, product in enumerate(products):
            basket.add_product(product, quantity=index + 1)
    groups = basket_groups(basket, province=ADDRESS["state"])
    method = PerCooperative(groups)
    shipping_charge = method.calculate(basket)
    total = OrderTotalCalculator().calculate(basket, shipping_charge)
    address = ShippingAddress.objects.create(country=Country.objects.get(iso_3166_1_a2="VN"), **ADDRESS)
    order = order_services.order_place(
        basket=basket,
        groups=groups,
        payment_method=payment_method,
        create=lambda: OrderCreator().place_order(
            basket=basket,
            total=total,
            shipping_method=method,
            shipping_charge=shipping_charge,
            user=customer,
            shipping_address=address,
            order_number=order_services.order_number_next(),
        ),
    )
    return list(SubOrder.objects.filter(order=order).order_by("pk"))


@transaction.atomic
def load_orders(*, cooperatives: list[Partner], customer: User) -> int:
    """Seven orders from the demo customer to `cooperatives` (two, each with a staff account). Runs
    once: a second load leaves existing orders alone. Returns how many orders it placed."""
    if SubOrder.objects.filter(partner__in=cooperatives).exists():
        return 0
    first_outbox = OutboxMessage.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    wares = {index: _products_of(partner, 2) for index, partner in enumerate(cooperatives)}
    placed = 0
    for payment_method, which, steps in SCENARIOS:
        if not all(wares[index] for index in which):
            continue
        suborders = _place(customer, [wares[index] for index in which], payment_method)
        for suborder in suborders:
            actor = suborder.partner.users.order_by("pk").first()
            for name in steps:
                _step(name, suborder, actor)
        placed += 1
    # The demo customer's address is not a real mailbox: the buyer and cooperative emails these
    # orders would send are recorded as not sent, so `make run` does not print two dozen of them.
    OutboxMessage.objects.filter(
        pk__gt=first_outbox, dispatched_at__isnull=True, task__in=EMAIL_TASKS
    ).update(status=OutboxStatus.DISCARDED, last_error="demo data: not sent", handled_at=timezone.now())
    return placed
