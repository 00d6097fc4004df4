"""VietQR bank transfer straight to each cooperative's own account."""

from decimal import Decimal

from django.db.models import Q
from django.utils.text import get_text_list
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from marketplace.partner.models import Partner

from .base import PaymentMethod, PaymentOutcome


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
