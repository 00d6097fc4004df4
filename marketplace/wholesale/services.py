"""Writes for selling in quantity: a product's tiers and minimum, asking for a quote, answering or
declining it, and putting the quoted quantity in the buyer's basket."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from marketplace.core import fragments
from marketplace.messaging import services as messaging
from marketplace.messaging.models import Side

from . import selectors
from .exceptions import WholesaleRefused
from .models import FIRST_TIER_QUANTITY, PriceTier, Quote, QuoteStatus, WholesaleTerms

MAX_TIERS = 4
MAX_QUANTITY = 100_000


def _money(value: int) -> str:
    return f"{value:,}".replace(",", ".") + " ₫"


def wholesale_terms_save(
    *, product: Any, base_price: int, min_order_quantity: int, tiers: Sequence[tuple[int, int]]
) -> None:
    """Replace the product's tiers and set its minimum quantity. Tiers: (from quantity, unit price),
    from 2 units, each larger quantity cheaper than the one before and than the product's price."""
    tiers = sorted(tiers)
    if len(tiers) > MAX_TIERS:
        raise WholesaleRefused(_("Tối đa %(n)s bậc giá.") % {"n": MAX_TIERS})
    if not 1 <= min_order_quantity <= MAX_QUANTITY:
        raise WholesaleRefused(_("Số lượng tối thiểu phải từ 1 đến %(n)s.") % {"n": MAX_QUANTITY})
    previous_quantity, previous_price = 1, base_price
    for quantity, price in tiers:
        if quantity < FIRST_TIER_QUANTITY or quantity > MAX_QUANTITY:
            raise WholesaleRefused(_("Mỗi bậc giá bắt đầu từ 2 sản phẩm trở lên."))
        if quantity == previous_quantity:
            raise WholesaleRefused(_("Hai bậc giá không được cùng số lượng (%(n)s).") % {"n": quantity})
        if price <= 0 or price >= previous_price:
            raise WholesaleRefused(
                _("Giá từ %(n)s sản phẩm phải thấp hơn %(price)s (giá của bậc trước).")
                % {"n": quantity, "price": _money(previous_price)}
            )
        previous_quantity, previous_price = quantity, price
    with transaction.atomic():
        PriceTier.objects.filter(product=product).delete()
        PriceTier.objects.bulk_create(
            [PriceTier(product=product, min_quantity=q, unit_price=p) for q, p in tiers]
        )
        WholesaleTerms.objects.update_or_create(
            product=product, defaults={"min_order_quantity": min_order_quantity}
        )
        # The product page shows the tiers: its cached fragments and pages are stale.
        fragments.bump_on_commit(fragments.product_kind(product.pk))


def quote_request(
    *, product: Any, partner: Any, buyer: Any, quantity: int, company: str = "", note: str = ""
) -> Quote:
    """A signed-in buyer asks the cooperative for a price on `quantity` units. The request is also
    written into the buyer's conversation with the cooperative, so it shows (and is emailed, if
    unread) where their messages are."""
    if not getattr(buyer, "is_authenticated", False):
        raise WholesaleRefused(_("Hãy đăng nhập để xin báo giá."))
    minimum = max(2, selectors.min_order_quantities().get(product.pk, 1))
    if not minimum <= quantity <= MAX_QUANTITY:
        raise WholesaleRefused(
            _("Số lượng xin báo giá phải từ %(a)s đến %(b)s.")
            % {"a": minimum, "b": f"{MAX_QUANTITY:,}".replace(",", ".")}
        )
    with transaction.atomic():
        quote = Quote.objects.create(
            product=product,
            partner=partner,
            buyer=buyer,
            quantity=quantity,
            company=company.strip()[:200],
            note=note.strip()[:1000],
        )
        conversation = messaging.conversation_presale(partner=partner, buyer=buyer, product=product)
        body = _("Xin báo giá %(number)s: %(n)s × %(title)s.") % {
            "number": quote.number,
            "n": quantity,
            "title": product.get_title(),
        }
        if quote.company:
            body += "\n" + _("Đơn vị mua: %(company)s") % {"company": quote.company}
        if quote.note:
            body += "\n" + quote.note
        messaging.message_send(conversation_id=conversation.pk, side=Side.BUYER, body=body, author=buyer)
    return quote


def _open_quote(quote_id: int) -> Quote:
    quote = Quote.objects.select_for_update().select_related("product").get(pk=quote_id)
    if quote.status != QuoteStatus.REQUESTED:
        raise WholesaleRefused(_("Báo giá này đã được trả lời."))
    return quote


def _tell_buyer(quote: Quote, body: str, author: Any) -> None:
    conversation = messaging.conversation_presale(
        partner=quote.partner, buyer=quote.buyer, product=quote.product
    )
    messaging.message_send(conversation_id=conversation.pk, side=Side.COOPERATIVE, body=body, author=author)


def quote_answer(
    *, quote_id: int, unit_price: int, valid_until: date, note: str = "", author: Any = None
) -> Quote:
    """The cooperative's price for the whole quantity, valid until the end of `valid_until`."""
    if unit_price <= 0:
        raise WholesaleRefused(_("Hãy ghi đơn giá lớn hơn 0."))
    if valid_until < timezone.localdate():
        raise WholesaleRefused(_("Ngày hết hạn phải từ hôm nay trở đi."))
    with transaction.atomic():
        quote = _open_quote(quote_id)
        quote.status = QuoteStatus.ANSWERED
        quote.unit_price = unit_price
        quote.valid_until = valid_until
        quote.answer_note = note.strip()[:1000]
        quote.answered_by = author if getattr(author, "is_authenticated", False) else None
        quote.answered_at = timezone.now()
        quote.save()
        body = _(
            "Báo giá %(number)s: %(n)s × %(title)s, đơn giá %(price)s (tổng %(total)s), "
            "có hiệu lực đến hết ngày %(date)s. Bạn thêm vào giỏ ở trang Báo giá của tôi."
        ) % {
            "number": quote.number,
            "n": quote.quantity,
            "title": quote.product.get_title(),
            "price": _money(unit_price),
            "total": _money(quote.total),
            "date": valid_until.strftime("%d/%m/%Y"),
        }
        if quote.answer_note:
            body += "\n" + quote.answer_note
        _tell_buyer(quote, body, author)
    return quote


def quote_decline(*, quote_id: int, note: str = "", author: Any = None) -> Quote:
    with transaction.atomic():
        quote = _open_quote(quote_id)
        quote.status = QuoteStatus.DECLINED
        quote.answer_note = note.strip()[:1000]
        quote.answered_by = author if getattr(author, "is_authenticated", False) else None
        quote.answered_at = timezone.now()
        quote.save()
        body = _("Hợp tác xã chưa thể báo giá %(number)s.") % {"number": quote.number}
        if quote.answer_note:
            body += "\n" + quote.answer_note
        _tell_buyer(quote, body, author)
    return quote


def quote_to_basket(*, quote: Quote, basket: Any, user: Any) -> None:
    """Put exactly the quoted quantity in the buyer's own basket; the quoted price applies there
    (marketplace/wholesale/pricing.py) until the quote expires or the basket is ordered."""
    if quote.buyer_id != getattr(user, "pk", None) or basket.owner_id != quote.buyer_id:
        raise WholesaleRefused(_("Báo giá này không phải của bạn."))
    if not selectors.quote_is_usable(quote):
        raise WholesaleRefused(_("Báo giá %(number)s đã hết hạn hoặc đã dùng.") % {"number": quote.number})
    product = quote.product
    info = basket.strategy.fetch_for_product(product)
    if not info.availability.is_available_to_buy:
        raise WholesaleRefused(_("Sản phẩm hiện không còn bán."))
    allowed, reason = info.availability.is_purchase_permitted(quote.quantity)
    if not allowed:
        raise WholesaleRefused(reason)
    with transaction.atomic():
        line = basket.lines.filter(product=product).first()
        if line is None:
            basket.add_product(product, quote.quantity)
        else:
            line.quantity = quote.quantity
            line.save(update_fields=["quantity"])
        Quote.objects.filter(pk=quote.pk).update(basket=basket)
        quote.basket = basket
