"""Checkout forms shaped for Vietnamese addresses: name, street or hamlet,
commune/ward, province, and a Vietnamese phone number."""

from django import forms
from django.utils.translation import gettext_lazy as _
from oscar.apps.checkout.forms import *  # noqa: F403
from oscar.apps.checkout.forms import ShippingAddressForm as OscarShippingAddressForm

from marketplace.core.phones import normalise_phone


class ShippingAddressForm(OscarShippingAddressForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        labels = {
            "first_name": _("Họ và tên người nhận"),
            "line1": _("Số nhà, đường, thôn/xóm"),
            "line4": _("Xã/phường"),
            "state": _("Tỉnh/thành phố"),
            "phone_number": _("Số điện thoại"),
            "notes": _("Ghi chú giao hàng"),
        }
        for name, label in labels.items():
            if name in self.fields:
                self.fields[name].label = label
        self.fields["phone_number"].required = True
        self.fields["phone_number"].help_text = _("Ví dụ: 0912 345 678")

    def clean_phone_number(self):
        raw = self.data.get(self.add_prefix("phone_number"), "")
        try:
            return normalise_phone(raw)
        except ValueError:
            raise forms.ValidationError(
                _("Số điện thoại không hợp lệ. Hãy nhập số Việt Nam 10 chữ số, ví dụ 0912 345 678.")
            ) from None

    class Meta(OscarShippingAddressForm.Meta):
        fields = ["first_name", "line1", "line4", "state", "country", "phone_number", "notes"]
