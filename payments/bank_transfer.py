"""VietQR bank transfer straight to each cooperative's own account."""

from decimal import Decimal

from django.utils.translation import gettext_lazy as _

from marketplace.partner.models import Partner

from .base import PaymentMethod, PaymentOutcome


class VietQRTransfer(PaymentMethod):
    code = "vietqr"
    label = _("Chuyển khoản VietQR")
    description = _(
        "Quét mã QR bằng ứng dụng ngân hàng: tiền chuyển thẳng vào tài khoản của từng hợp tác xã. "
        "Đơn chưa chuyển khoản sau 72 giờ sẽ bị huỷ."
    )

    def is_available_for(self, partner_ids: list[int]) -> bool:
        wanted = set(partner_ids)
        ready = Partner.objects.filter(pk__in=wanted).exclude(bank_bin="").exclude(bank_account_number="")
        return bool(wanted) and ready.count() == len(wanted)

    def take_payment(self, *, order_number: str, amount: Decimal, currency: str) -> PaymentOutcome:
        return PaymentOutcome(source_type=str(VietQRTransfer.label), amount_allocated=amount)
