"""The cooperative's delivery settings: fee, free threshold, provinces served, pickup, perishables."""

from django import forms
from django.utils.translation import gettext_lazy as _

from marketplace.catalogue.models import Product
from marketplace.geo import find_province, province_named, provinces_alphabetical

from .forms import VNDField

ALL, SOME = "all", "some"


class ShippingForm(forms.Form):
    delivers = forms.BooleanField(label=_("Giao hàng tận nơi"), required=False)
    flat_fee = VNDField(
        label=_("Phí giao hàng mỗi đơn (đồng)"),
        min_value=0,
        max_value=5_000_000,
        required=False,
        help_text=_("Ghi 0 nếu hợp tác xã chịu phí giao hàng."),
    )
    free_above = VNDField(
        label=_("Miễn phí giao hàng cho đơn từ (đồng)"),
        min_value=1000,
        max_value=1_000_000_000,
        required=False,
        help_text=_("Để trống nếu không có."),
    )
    coverage = forms.ChoiceField(
        label=_("Giao đến đâu?"),
        choices=[(ALL, _("Toàn quốc (cả 34 tỉnh, thành phố)")), (SOME, _("Chỉ một số tỉnh, thành phố"))],
        widget=forms.RadioSelect,
        initial=ALL,
    )
    provinces = forms.MultipleChoiceField(
        label=_("Các tỉnh, thành phố giao đến"),
        choices=(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    pickup = forms.BooleanField(label=_("Cho khách đến nhận hàng tại hợp tác xã"), required=False)
    pickup_address = forms.CharField(label=_("Địa chỉ nhận hàng"), max_length=255, required=False)
    pickup_hours = forms.CharField(
        label=_("Giờ mở cửa"),
        max_length=120,
        required=False,
        help_text=_("Ví dụ: 7:00–17:00, thứ Hai đến thứ Bảy"),
    )
    local_products: forms.ModelMultipleChoiceField[Product] = forms.ModelMultipleChoiceField(
        label=_("Hàng tươi sống"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, scope, **kwargs):
        super().__init__(*args, **kwargs)
        self.partner = scope.partner
        self.fields["provinces"].choices = [(p.code, p.name) for p in provinces_alphabetical()]
        self.fields["local_products"].queryset = scope.products().order_by("title", "pk")
        home = getattr(province_named(self.partner.province or ""), "name", self.partner.province)
        self.fields["local_products"].help_text = _(
            "Sản phẩm được đánh dấu chỉ giao trong tỉnh %(province)s (hoặc nhận tại chỗ, nếu có)."
        ) % {"province": home}
        self.fields["pickup_address"].widget.attrs["placeholder"] = self.partner.address_line
        for name in ("flat_fee", "free_above"):
            self.fields[name].widget.attrs["inputmode"] = "numeric"

    def clean(self):
        data = super().clean()
        delivers, pickup = data.get("delivers"), data.get("pickup")
        if not delivers and not pickup:
            raise forms.ValidationError(
                _("Hãy chọn ít nhất một cách: giao hàng tận nơi, hoặc cho khách nhận tại hợp tác xã.")
            )
        if delivers and data.get("coverage") == SOME and not data.get("provinces"):
            self.add_error("provinces", _("Hãy chọn ít nhất một tỉnh, thành phố."))
        if pickup and not (data.get("pickup_address") or "").strip() and not self.partner.address_line:
            self.add_error("pickup_address", _("Hãy ghi địa chỉ để khách đến nhận hàng."))
        data["flat_fee"] = data.get("flat_fee") or 0
        return data

    def settings_values(self) -> dict:
        """The cleaned form as the arguments of `shipping_settings_save` (province names, not codes)."""
        data = self.cleaned_data
        codes = (data.get("provinces") or []) if data.get("coverage") == SOME else []
        found = sorted(filter(None, (find_province(code) for code in codes)), key=lambda p: p.code)
        names = [province.name for province in found]
        return {
            "delivers": bool(data.get("delivers")),
            "flat_fee": data.get("flat_fee") or 0,
            "free_above": data.get("free_above"),
            "provinces": names,
            "pickup": bool(data.get("pickup")),
            "pickup_address": (data.get("pickup_address") or "").strip() or self.partner.address_line,
            "pickup_hours": data.get("pickup_hours") or "",
        }
