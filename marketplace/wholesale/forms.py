"""Forms for selling in quantity: the cooperative's tiers and minimum, a buyer's request for a
quote, the cooperative's answer."""

from typing import TYPE_CHECKING

from django import forms
from django.utils.translation import gettext_lazy as _
from oscar.core.loading import get_class

from marketplace.seller.forms import VNDField

from .pricing import minimum_refusal
from .services import MAX_QUANTITY, MAX_TIERS

if TYPE_CHECKING:  # Oscar ships no types: the class is Any to the type checker
    from oscar.apps.basket.forms import BasketLineForm
else:
    BasketLineForm = get_class("basket.forms", "BasketLineForm")


def _quantity_field(label, **kwargs) -> forms.IntegerField:
    field = forms.IntegerField(
        label=label,
        min_value=1,
        max_value=MAX_QUANTITY,
        error_messages={"invalid": _("Nhập số lượng bằng số, ví dụ 10.")},
        **kwargs,
    )
    field.widget.attrs["inputmode"] = "numeric"
    return field


class TermsForm(forms.Form):
    """Up to four tiers (from how many, price each) and the minimum quantity per order."""

    min_order_quantity = _quantity_field(
        _("Bán ít nhất mỗi đơn (sản phẩm)"),
        initial=1,
        help_text=_("Để 1 nếu bán lẻ. Ghi số lớn hơn nếu sản phẩm chỉ bán sỉ."),
    )

    def __init__(self, *args, scope=None, **kwargs):
        super().__init__(*args, **kwargs)
        for index in range(1, MAX_TIERS + 1):
            self.fields[f"tier_{index}_quantity"] = _quantity_field(
                _("Bậc %(n)s: từ bao nhiêu sản phẩm") % {"n": index}, required=False
            )
            price = VNDField(
                label=_("Bậc %(n)s: giá mỗi sản phẩm (đồng)") % {"n": index}, min_value=1, required=False
            )
            price.widget.attrs["inputmode"] = "numeric"
            self.fields[f"tier_{index}_price"] = price

    def tier_rows(self) -> list[tuple]:
        return [
            (index, self[f"tier_{index}_quantity"], self[f"tier_{index}_price"])
            for index in range(1, MAX_TIERS + 1)
        ]

    def clean(self):
        data = super().clean()
        tiers = []
        for index in range(1, MAX_TIERS + 1):
            quantity, price = data.get(f"tier_{index}_quantity"), data.get(f"tier_{index}_price")
            if quantity and price:
                tiers.append((quantity, price))
            elif quantity or price:
                self.add_error(
                    f"tier_{index}_price" if quantity else f"tier_{index}_quantity",
                    _("Hãy ghi cả số lượng và giá của bậc này, hoặc để trống cả hai."),
                )
        data["tiers"] = tiers
        return data


class QuoteRequestForm(forms.Form):
    quantity = _quantity_field(_("Số lượng cần mua"))
    company = forms.CharField(label=_("Tên đơn vị mua (nếu có)"), max_length=200, required=False)
    note = forms.CharField(
        label=_("Ghi chú cho hợp tác xã"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Ví dụ: thời gian cần hàng, nơi giao, cách đóng gói."),
    )


class QuoteAnswerForm(forms.Form):
    unit_price = VNDField(label=_("Đơn giá báo cho khách (đồng)"), min_value=1, required=False)
    valid_until = forms.DateField(
        label=_("Giá có hiệu lực đến hết ngày"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        input_formats=["%Y-%m-%d", "%d/%m/%Y"],
        error_messages={"invalid": _("Ngày không đúng (ví dụ 31/12/2026).")},
    )
    note = forms.CharField(
        label=_("Lời nhắn cho khách"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    action = forms.ChoiceField(
        choices=[("answer", "answer"), ("decline", "decline")], widget=forms.HiddenInput
    )

    def __init__(self, *args, scope=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit_price"].widget.attrs["inputmode"] = "numeric"

    def clean(self):
        data = super().clean()
        if data.get("action") == "answer":
            if not data.get("unit_price"):
                self.add_error("unit_price", _("Hãy ghi đơn giá."))
            if not data.get("valid_until"):
                self.add_error("valid_until", _("Hãy chọn ngày giá hết hiệu lực."))
        return data


class MinimumQuantityLineForm(BasketLineForm):
    """The basket's quantity field, refusing less than a wholesale-only product's minimum with its
    own message (Oscar's stock check would otherwise answer first, about stock)."""

    def clean_quantity(self):
        quantity = self.cleaned_data["quantity"]
        refusal = minimum_refusal(self.instance.basket.strategy, self.instance.product, quantity)
        if refusal:
            raise forms.ValidationError(refusal)
        return super().clean_quantity()
