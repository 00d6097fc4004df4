"""VietQR bank transfer straight to each cooperative's own account: the buyer scans a code made for
each sub-order (the account it was placed with, the amount, a note), before a deadline."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from django.db.models import Q
from django.utils.text import get_text_list
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from marketplace.order.models import Order, SubOrder
from marketplace.order.services.timers import CANCEL_AFTER, timer_deadlines, vietqr_timers_add
from marketplace.partner.banks import bank_name
from marketplace.partner.models import Partner

from . import vietqr
from .base import Attachment, BankDetails, PaymentMethod, PaymentOutcome, SubOrderPayment


@dataclass
class VietQRPayment(SubOrderPayment):
    @property
    def qr_data_uri(self) -> str:
        return vietqr.svg_data_uri(self.payload) if self.payload else ""

    def image(self, fmt: str) -> tuple[bytes, str] | None:
        if not self.payload:
            return None
        if fmt == "svg":
            return vietqr.svg_bytes(self.payload), "image/svg+xml"
        return vietqr.png_bytes(self.payload, scale=10), "image/png"

    def email_attachments(self) -> list[Attachment]:
        if not self.payload:
            return []
        return [(f"vietqr-{self.suborder.number}.png", vietqr.png_bytes(self.payload), "image/png")]


def transfer_deadlines(suborders: Sequence[SubOrder]) -> dict[str, datetime]:
    """Each sub-order's cancel time, read from its timer in the outbox (one query)."""
    found = timer_deadlines("vietqr", [suborder.number for suborder in suborders])
    return {
        suborder.number: found.get(suborder.number) or (suborder.created_at + CANCEL_AFTER)
        for suborder in suborders
    }


def transfer_instructions(suborder: SubOrder, *, deadline: datetime | None) -> VietQRPayment:
    """The account the sub-order was placed with (never the cooperative's current one), the QR
    payload and the deadline."""
    payment = VietQRPayment(suborder=suborder, deadline=deadline)
    if suborder.payee_bank_bin and suborder.payee_account_number:
        payment.account = BankDetails(
            bank_name(suborder.payee_bank_bin),
            suborder.payee_account_number,
            suborder.payee_account_holder,
        )
        payment.note = vietqr.transfer_note(f"CHOHTX {suborder.number}")
        payment.payload = vietqr.payload(
            bank_bin=suborder.payee_bank_bin,
            account=suborder.payee_account_number,
            amount=suborder.total,
            note=payment.note,
        )
    return payment


class VietQRTransfer(PaymentMethod):
    code = "vietqr"
    label = _("Chuyển khoản qua mã QR (VietQR)")
    description = _(
        "Quét mã QR bằng ứng dụng ngân hàng: tiền chuyển thẳng vào tài khoản của từng hợp tác xã. "
        "Đơn chưa chuyển khoản sau 72 giờ sẽ bị huỷ."
    )

    def is_available_for(self, partner_ids: list[int]) -> bool:
        wanted = set(partner_ids)
        ready = Partner.objects.filter(pk__in=wanted).exclude(bank_bin="").exclude(bank_account_number="")
        return bool(wanted) and ready.count() == len(wanted)

    def unavailable_reason(self, partner_ids: list[int]) -> str:
        missing = (
            Partner.objects.filter(pk__in=set(partner_ids))
            .filter(Q(bank_bin="") | Q(bank_account_number=""))
            .order_by("name")
            .values_list("name", flat=True)
        )
        names = list(missing)
        if not names:
            return ""
        return gettext(
            "Chưa chuyển khoản qua mã QR được: %(names)s chưa đăng ký tài khoản ngân hàng trên sàn. "
            "Bạn hãy chọn cách thanh toán khác, hoặc đặt riêng sản phẩm của hợp tác xã này."
        ) % {"names": get_text_list(names, gettext("và"))}

    def take_payment(self, *, order_number: str, amount: Decimal, currency: str) -> PaymentOutcome:
        return PaymentOutcome(source_type=str(VietQRTransfer.label), amount_allocated=amount)

    def instructions(self, suborders: Sequence[SubOrder]) -> list[SubOrderPayment]:
        deadlines = transfer_deadlines(suborders)
        return [transfer_instructions(s, deadline=deadlines.get(s.number)) for s in suborders]

    def order_placed(self, *, order: Order, suborders: Sequence[SubOrder]) -> None:
        for suborder in suborders:
            vietqr_timers_add(suborder)
