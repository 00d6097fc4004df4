"""Checkout page helpers: the steps a buyer really goes through, and the running totals.

{% checkout_steps "payment" %} renders the step indicator: the guest step only for guests, the
shipping-choice step only when a cooperative in the basket offers a choice; steps before the current
one are done, the rest are to come. {% checkout_totals as totals %} gives the basket's goods total,
shipping and grand total (shipping as chosen so far, an estimate before the address is known).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django import template
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from marketplace.delivery.selectors import SESSION_KEY, basket_groups

register = template.Library()


@dataclass(frozen=True)
class Step:
    code: str
    label: str | Promise
    url: str
    state: str  # "done", "current" or "todo"
    number: int = 0
    short: str | Promise = ""  # the label on a phone


@dataclass(frozen=True)
class Totals:
    items: Decimal
    shipping: Decimal
    total: Decimal
    quantity: int
    groups: list[Any]


def _groups(context: template.Context) -> list[Any]:
    groups = context.get("cooperative_groups")
    if groups is not None:
        return list(groups)
    request = context.get("request")
    basket = getattr(request, "basket", None)
    if request is None or basket is None:
        return []
    choices = request.session.get(SESSION_KEY, {})
    return basket_groups(basket, choices=choices)


def steps_for(*, is_guest: bool, has_shipping_choice: bool, current: str) -> list[Step]:
    wanted: list[tuple[str, str | Promise, str | Promise, str]] = []
    if is_guest:
        wanted.append(("gateway", _("Liên hệ"), _("Liên hệ"), reverse("checkout:index")))
    wanted.append(("address", _("Địa chỉ nhận hàng"), _("Địa chỉ"), reverse("checkout:shipping-address")))
    if has_shipping_choice:
        wanted.append(("shipping", _("Cách nhận hàng"), _("Nhận hàng"), reverse("checkout:shipping-method")))
    wanted.append(("payment", _("Thanh toán"), _("Thanh toán"), reverse("checkout:payment-method")))
    wanted.append(("preview", _("Xác nhận"), _("Xác nhận"), reverse("checkout:preview")))
    codes = [code for code, *__ in wanted]
    position = codes.index(current) if current in codes else len(codes)
    steps = []
    for index, (code, label, short, url) in enumerate(wanted):
        state = "done" if index < position else "current" if index == position else "todo"
        steps.append(Step(code, label, url, state, index + 1, short))
    return steps


@register.inclusion_tag("oscar/checkout/partials/steps.html", takes_context=True)
def checkout_steps(context: template.Context, current: str) -> dict[str, Any]:
    request = context.get("request")
    user = getattr(request, "user", None)
    is_guest = not (user and user.is_authenticated)
    has_choice = any(group.has_choice for group in _groups(context))
    steps = steps_for(is_guest=is_guest, has_shipping_choice=has_choice, current=current)
    current_step = next((step for step in steps if step.state == "current"), None)
    return {"steps": steps, "current": current_step, "count": len(steps)}


@register.simple_tag(takes_context=True)
def checkout_totals(context: template.Context) -> Totals:
    groups = _groups(context)
    items = sum((group.subtotal for group in groups), Decimal("0"))
    shipping = sum((group.shipping_fee for group in groups), Decimal("0"))
    quantity = sum(line.quantity for group in groups for line in group.lines)
    total = items + shipping
    order_total = context.get("order_total")
    if order_total is not None and getattr(order_total, "incl_tax", None) is not None:
        total = order_total.incl_tax  # what the order will be placed for (offers included)
    return Totals(items=items, shipping=shipping, total=total, quantity=quantity, groups=groups)
