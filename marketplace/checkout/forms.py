"""Checkout forms shaped for Vietnamese addresses (province, then commune/ward, then street or
hamlet), a Vietnamese phone number, and the place-order form (regulations, company e-invoice)."""

import re
from collections.abc import Sequence
from typing import Any

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from oscar.apps.checkout.forms import *  # noqa: F403
from oscar.apps.checkout.forms import GatewayForm as OscarGatewayForm
from oscar.apps.checkout.forms import ShippingAddressForm as OscarShippingAddressForm

from marketplace.core.phones import normalise_phone
from marketplace.geo.forms import CommuneField, ProvinceField, TwoLevelAddressMixin
from marketplace.legal.forms import consent_fields_add
from marketplace.legal.models import Version


class ShippingAddressForm(TwoLevelAddressMixin, OscarShippingAddressForm):
    """Province (state) chosen among the 34, then a commune/ward of it (line4, stored as its full
    official name, e.g. "Xã Gia Viễn"), then street or hamlet (line1)."""

    province_field = "state"
    commune_field = "line4"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["state"] = ProvinceField(
            help_text=_("Một trong 34 tỉnh, thành phố sau sáp nhập (từ 01/07/2025).")
        )
        self.fields["line4"] = CommuneField(
            help_text=_("Địa chỉ hai cấp: xã/phường rồi tỉnh/thành phố, không cần huyện.")
        )
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
        if "notes" in self.fields:
            self.fields["notes"].help_text = _("Ví dụ: gọi trước khi giao, giao giờ hành chính.")
            self.fields["notes"].widget.attrs["rows"] = 3
        # Province first, then commune, then street or hamlet.
        order = ["first_name", "state", "line4", "line1", "phone_number", "notes"]
        self.order_fields(order)
        self.setup_address()

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        assert data is not None  # a form's clean() returns its cleaned data
        commune = self.clean_address()
        if commune is not None:
            data["line4"] = commune.name
        return data

    def clean_phone_number(self) -> str:
        raw = self.data.get(self.add_prefix("phone_number"), "")
        try:
            return normalise_phone(raw)
        except ValueError:
            raise forms.ValidationError(
                _("Số điện thoại không hợp lệ. Hãy nhập số Việt Nam 10 chữ số, ví dụ 0912 345 678.")
            ) from None

    class Meta(OscarShippingAddressForm.Meta):
        fields = ["first_name", "line1", "line4", "state", "country", "phone_number", "notes"]


class GatewayForm(OscarGatewayForm):
    """The first step for guests: the email for the order's news, and whether to sign in."""

    username = forms.EmailField(
        label=_("Email của bạn"),
        help_text=_("Chúng tôi gửi xác nhận đơn hàng và hướng dẫn thanh toán vào email này."),
        error_messages={
            "required": _("Hãy nhập email để nhận thông tin đơn hàng."),
            "invalid": _("Email chưa đúng, ví dụ: ten@gmail.com"),
        },
    )
    GUEST, NEW, EXISTING = OscarGatewayForm.GUEST, OscarGatewayForm.NEW, OscarGatewayForm.EXISTING
    CHOICES = (
        (GUEST, _("Đặt hàng không cần tài khoản")),
        (EXISTING, _("Tôi đã có tài khoản: đăng nhập bằng mật khẩu")),
        (NEW, _("Tạo tài khoản rồi đặt hàng")),
    )
    options = forms.ChoiceField(widget=forms.RadioSelect, choices=CHOICES, initial=GUEST)
    error_messages = {
        **OscarGatewayForm.error_messages,
        "invalid_login": _("Email hoặc mật khẩu chưa đúng. Hãy thử lại, hoặc đặt hàng không cần tài khoản."),
        "inactive": _("Tài khoản này đang bị khoá."),
    }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["password"].label = _("Mật khẩu")
        self.fields["password"].required = False

    def clean(self) -> dict[str, Any]:
        data: dict[str, Any] = super().clean()
        taken = gettext("A user with that email address already exists")
        if taken in [str(error) for error in self._errors.get("username", [])]:
            # Oscar's words for an email that has an account, in ours.
            self._errors["username"] = self.error_class(
                [_("Email này đã có tài khoản. Hãy nhập mật khẩu để đăng nhập.")]
            )
        existing = self.cleaned_data.get("options") == self.EXISTING
        if existing and not self.data.get(self.add_prefix("password")):
            self.add_error("password", _("Hãy nhập mật khẩu của tài khoản."))
        return data


TAX_CODE = re.compile(r"^\d{10}(-\d{3})?$")


ACCEPT_REQUIRED = _("Hãy đọc và đồng ý với Quy chế hoạt động trước khi đặt hàng.")


class PlaceOrderForm(forms.Form):
    """The regulations' box names and links the version in force (`pending`: the versions this buyer
    has not accepted yet; a guest has accepted none). A signed-in buyer who has accepted the version
    in force is not asked again (`asks=False`). With no version published, a plain box."""

    accept_terms = forms.BooleanField(
        label=_("Tôi đã đọc và đồng ý với Quy chế hoạt động của sàn Chợ HTX"),
        error_messages={"required": ACCEPT_REQUIRED},
    )
    invoice_company = forms.CharField(label=_("Tên công ty"), max_length=255, required=False)
    invoice_tax_code = forms.CharField(label=_("Mã số thuế"), max_length=14, required=False)
    invoice_email = forms.EmailField(label=_("Email nhận hoá đơn"), required=False)

    def __init__(self, *args: Any, pending: Sequence[Version] = (), asks: bool = True, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.versions = list(pending)
        if self.versions:
            consent_fields_add(self, self.versions, required=str(ACCEPT_REQUIRED))
        elif not asks:
            del self.fields["accept_terms"]

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        assert data is not None  # a form's clean() returns its cleaned data
        wanted = [data.get("invoice_company"), data.get("invoice_tax_code"), data.get("invoice_email")]
        if any(wanted) and not all(wanted):
            raise forms.ValidationError(
                _("Để nhận hoá đơn công ty, hãy nhập đủ tên công ty, mã số thuế và email.")
            )
        tax_code = (data.get("invoice_tax_code") or "").strip()
        if tax_code and not TAX_CODE.match(tax_code):
            self.add_error(
                "invoice_tax_code", _("Mã số thuế gồm 10 chữ số (hoặc 10 chữ số, gạch ngang, 3 chữ số).")
            )
        return data

    @property
    def invoice(self) -> dict[str, str] | None:
        data = self.cleaned_data
        if not data.get("invoice_company"):
            return None
        return {
            "company_name": data["invoice_company"].strip(),
            "tax_code": data["invoice_tax_code"].strip(),
            "email": data["invoice_email"],
        }
