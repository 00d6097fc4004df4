"""The seller centre's pre-order forms: the offer (product, window, delivery, cap, deposit) and a
move of the delivery dates. Dates are typed dd/mm/yyyy or picked (an <input type="date">)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from marketplace.catalogue.models import Product

from .models import DepositKind, PreorderOffer

DATE_FORMATS = ["%Y-%m-%d", "%d/%m/%Y"]


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self) -> None:
        super().__init__(format="%Y-%m-%d")


def _date(label: Any) -> forms.DateField:
    return forms.DateField(label=label, input_formats=DATE_FORMATS, widget=DateInput())


def check_dates(form: forms.Form, start: str, end: str, message: Any) -> None:
    data = form.cleaned_data
    if data.get(start) and data.get(end) and data[end] < data[start]:
        form.add_error(end, message)


class OfferForm(forms.Form):
    product: forms.ModelChoiceField[Product] = forms.ModelChoiceField(
        label=_("Sản phẩm"), queryset=None, empty_label=_("Chọn sản phẩm")
    )
    order_from = _date(_("Nhận đặt từ ngày"))
    order_until = _date(_("Nhận đặt đến hết ngày"))
    deliver_from = _date(_("Giao từ ngày"))
    deliver_until = forms.DateField(
        label=_("Giao đến ngày"),
        input_formats=DATE_FORMATS,
        widget=DateInput(),
        required=False,
        help_text=_("Để trống nếu giao trong một ngày."),
    )
    cap = forms.IntegerField(
        label=_("Số suất tối đa"),
        min_value=1,
        max_value=1_000_000,
        help_text=_("Tổng số sản phẩm nhận đặt trước. Không trừ vào hàng đang có trong kho."),
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    deposit_kind = forms.ChoiceField(
        label=_("Đặt cọc"), choices=DepositKind.choices, widget=forms.RadioSelect, initial=DepositKind.NONE
    )
    deposit_value = forms.IntegerField(
        label=_("Mức cọc (% hoặc đồng mỗi sản phẩm)"),
        min_value=0,
        max_value=100_000_000,
        required=False,
        help_text=_(
            "Người mua chuyển khoản tiền cọc cho hợp tác xã qua mã VietQR, "
            "phần còn lại trả tiền mặt khi nhận hàng."
        ),
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )

    def __init__(self, *args: Any, scope: Any, offer: PreorderOffer | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.partner = scope.partner
        product = self.fields["product"]
        assert isinstance(product, forms.ModelChoiceField)
        product.queryset = scope.products()
        if offer is not None:  # the product of an offer is fixed
            product.disabled = True

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        check_dates(
            self, "order_from", "order_until", _("Ngày kết thúc nhận đặt không thể trước ngày bắt đầu.")
        )
        if not data.get("deliver_until") and data.get("deliver_from"):
            data["deliver_until"] = data["deliver_from"]
        check_dates(self, "deliver_from", "deliver_until", _("Ngày giao cuối không thể trước ngày giao đầu."))
        check_dates(self, "order_from", "deliver_from", _("Ngày giao không thể trước ngày bắt đầu nhận đặt."))
        kind, value = data.get("deposit_kind"), data.get("deposit_value") or 0
        if kind == DepositKind.PERCENT and not 1 <= value <= 100:
            self.add_error("deposit_value", _("Phần trăm đặt cọc phải từ 1 đến 100."))
        if kind == DepositKind.AMOUNT and value < 1000:
            self.add_error("deposit_value", _("Tiền cọc mỗi sản phẩm ít nhất 1.000 đồng."))
        if kind in (DepositKind.PERCENT, DepositKind.AMOUNT) and not self.partner.bank_account_number:
            self.add_error(
                "deposit_kind",
                _("Hãy thêm tài khoản ngân hàng của hợp tác xã trước: người mua chuyển tiền cọc vào đó."),
            )
        data["deposit_value"] = value
        return data


class MoveForm(forms.Form):
    deliver_from = _date(_("Giao từ ngày"))
    deliver_until = forms.DateField(
        label=_("Giao đến ngày"),
        input_formats=DATE_FORMATS,
        widget=DateInput(),
        required=False,
        help_text=_("Để trống nếu giao trong một ngày."),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("deliver_until") and data.get("deliver_from"):
            data["deliver_until"] = data["deliver_from"]
        check_dates(self, "deliver_from", "deliver_until", _("Ngày giao cuối không thể trước ngày giao đầu."))
        return data
