"""A pre-order in words, the same everywhere (product card, product page, basket, order page,
emails): "Đặt trước — giao từ 15/01/2027 đến 20/01/2027, đặt cọc 30%"."""

from __future__ import annotations

from datetime import date

from django.utils.dateformat import format as date_format
from django.utils.translation import gettext as _

from marketplace.core.money import format_vnd

from .models import DepositKind, PreorderOffer


def day(value: date) -> str:
    return date_format(value, "d/m/Y")


def delivery_words(start: date, end: date) -> str:
    if start == end:
        return _("giao ngày %(day)s") % {"day": day(start)}
    return _("giao từ %(start)s đến %(end)s") % {"start": day(start), "end": day(end)}


def deposit_words(offer: PreorderOffer) -> str:
    if offer.deposit_kind == DepositKind.PERCENT:
        return _("đặt cọc %(percent)s%%") % {"percent": offer.deposit_value}
    if offer.deposit_kind == DepositKind.AMOUNT:
        return _("đặt cọc %(amount)s mỗi sản phẩm") % {"amount": format_vnd(offer.deposit_value)}
    return ""


def offer_summary(offer: PreorderOffer, *, with_deposit: bool = True) -> str:
    """ "Đặt trước — giao từ 15/01/2027 đến 20/01/2027, đặt cọc 30%"."""
    text = _("Đặt trước — %(delivery)s") % {
        "delivery": delivery_words(offer.deliver_from, offer.deliver_until)
    }
    deposit = deposit_words(offer) if with_deposit else ""
    return f"{text}, {deposit}" if deposit else text


def window_words(offer: PreorderOffer) -> str:
    """ "Nhận đặt từ 01/12/2026 đến hết 31/12/2026"."""
    return _("Nhận đặt từ %(start)s đến hết %(end)s") % {
        "start": day(offer.order_from),
        "end": day(offer.order_until),
    }
