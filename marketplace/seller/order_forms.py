"""The two sub-order steps that need words from the cooperative: shipping and cancelling."""

from django import forms
from django.utils.translation import gettext_lazy as _


class ShipForm(forms.Form):
    carrier = forms.CharField(
        label=_("Đơn vị vận chuyển"),
        max_length=64,
        error_messages={"required": _("Hãy nhập tên đơn vị vận chuyển.")},
        widget=forms.TextInput(attrs={"placeholder": "Viettel Post, GHN, VNPost…", "autocomplete": "off"}),
    )
    tracking_code = forms.CharField(
        label=_("Mã vận đơn"),
        max_length=64,
        error_messages={"required": _("Hãy nhập mã vận đơn.")},
        widget=forms.TextInput(attrs={"autocapitalize": "characters", "autocomplete": "off"}),
    )


class CancelForm(forms.Form):
    reason = forms.CharField(
        label=_("Lý do huỷ (người mua sẽ đọc)"),
        max_length=255,
        error_messages={"required": _("Hãy cho người mua biết lý do huỷ đơn.")},
        widget=forms.Textarea(attrs={"rows": 3}),
    )
