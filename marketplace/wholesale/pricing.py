"""The one rule for what a unit costs in a basket line: the quoted price when the line holds
exactly the quantity of an answered, unexpired quote its buyer put in this basket; otherwise the
price of the largest tier the quantity reaches; otherwise the product's price. The strategy
(marketplace/partner/strategy.py) calls `line_price` for every basket line, so the basket, the
checkout, the order lines and the ledger (which reads the sub-order's goods total) agree.

A product may also ask for a minimum quantity per line (`MinimumQuantity`)."""

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.utils.translation import gettext as _
from oscar.apps.partner.availability import Unavailable
from oscar.apps.partner.prices import FixedPrice

from . import selectors
from .models import FIRST_TIER_QUANTITY


def tier_unit_price(base: Decimal, quantity: int, tiers: list[tuple[int, int]]) -> Decimal:
    """The unit price for `quantity`: the lowest-priced tier the quantity reaches, never above base."""
    price = base
    for min_quantity, unit_price in tiers:
        if quantity >= min_quantity and unit_price < price:
            price = Decimal(unit_price)
    return price


class WholesalePrice(FixedPrice):
    """A unit price set by a tier or a quote; `list_price` is the product's own price, `source`
    says why ("tier", "quote"), `note` is what the basket line tells the buyer."""

    def __init__(self, currency: str, excl_tax: Decimal, *, list_price: Decimal, source: str, note: str = ""):
        super().__init__(currency, excl_tax, tax=Decimal("0"))
        self.list_price = list_price
        self.source = source
        self.note = note


@dataclass
class BasketPrices:
    """What one request needs to price basket lines: each product's tiers and each basket's
    quotes, read once (one query each, whatever the number of lines)."""

    tiers: dict[int, list[tuple[int, int]]] = field(default_factory=dict)
    quotes: dict[int, dict[int, Any]] = field(default_factory=dict)
    minimums: dict[int, int] | None = None

    def tiers_of(self, line: Any) -> list[tuple[int, int]]:
        if line.product_id not in self.tiers:
            ids = {other.product_id for other in line.basket.all_lines()} | {line.product_id}
            missing = ids - self.tiers.keys()
            found = selectors.tiers_for(missing)
            for product_id in missing:
                self.tiers[product_id] = found.get(product_id, [])
        return self.tiers[line.product_id]

    def quote_of(self, line: Any) -> Any:
        basket = line.basket
        if basket.pk not in self.quotes:
            self.quotes[basket.pk] = (
                selectors.quotes_in_basket(basket_id=basket.pk, owner_id=basket.owner_id)
                if basket.owner_id
                else {}
            )
        return self.quotes[basket.pk].get(line.product_id)

    def minimum_of(self, product_id: int) -> int:
        if self.minimums is None:
            self.minimums = selectors.min_order_quantities()
        return self.minimums.get(product_id, 1)


def line_price(prices: BasketPrices, line: Any, price: Any) -> Any:
    """The price of one unit of `line`, given the product's own `price` (Oscar's policy object)."""
    if not getattr(price, "exists", False) or not price.is_tax_known or line.basket_id is None:
        return price
    base = Decimal(price.excl_tax)
    quote = prices.quote_of(line)
    if quote is not None and line.quantity == quote.quantity:
        note = _("Giá theo báo giá %(number)s, đến hết ngày %(date)s.") % {
            "number": quote.number,
            "date": quote.valid_until.strftime("%d/%m/%Y"),
        }
        return WholesalePrice(
            price.currency, Decimal(quote.unit_price), list_price=base, source="quote", note=note
        )
    note = ""
    if quote is not None:
        note = _("Giá báo giá %(number)s chỉ áp dụng khi mua đúng %(n)s sản phẩm.") % {
            "number": quote.number,
            "n": quote.quantity,
        }
    # A single unit reaches no tier (the database refuses one below two): nothing to read for it.
    tiers = prices.tiers_of(line) if line.quantity >= FIRST_TIER_QUANTITY else []
    unit = tier_unit_price(base, line.quantity, tiers)
    if unit != base:
        return WholesalePrice(price.currency, unit, list_price=base, source="tier", note=note)
    if note:
        return WholesalePrice(price.currency, base, list_price=base, source="", note=note)
    return price


class MinimumQuantity:
    """Oscar's availability policy of a product, refusing fewer than the product's minimum. The
    minimum is read only when a purchase is checked (adding, changing a quantity, checkout), so
    product lists pay nothing for it."""

    def __init__(self, inner: Any, product: Any, prices: BasketPrices) -> None:
        self._inner = inner
        self._product = product
        self._prices = prices

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)

    def is_purchase_permitted(self, quantity: int) -> tuple[bool, str]:
        refusal = _minimum_refusal(self._prices, self._product, quantity)
        if refusal:
            return False, refusal
        return self._inner.is_purchase_permitted(quantity)


def _minimum_refusal(prices: BasketPrices, product: Any, quantity: int) -> str:
    minimum = prices.minimum_of(product.pk)
    if 0 < quantity < minimum:
        return _("“%(title)s” chỉ bán sỉ: mỗi đơn mua ít nhất %(n)s sản phẩm (bạn đang chọn %(q)s).") % {
            "title": product.get_title(),
            "n": minimum,
            "q": quantity,
        }
    return ""


def minimum_refusal(strategy: Any, product: Any, quantity: int) -> str:
    """Why `quantity` of `product` may not be bought (below its minimum), or ''."""
    prices = getattr(strategy, "basket_prices", None)
    return _minimum_refusal(prices, product, quantity) if prices is not None else ""


def line_warning(line: Any) -> str | None:
    """Oscar's basket warning for a line ("the price has changed since you added it"), without the
    false alarm a tier or a quote would raise: those compare the product's own price."""
    info = line.purchase_info
    price = info.price
    unchanged = isinstance(price, WholesalePrice) and price.list_price == line.price_incl_tax
    if unchanged and not isinstance(info.availability, Unavailable):
        return None
    return line.get_warning()
