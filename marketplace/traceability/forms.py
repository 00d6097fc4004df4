"""Seller-centre forms for batches: one screen each, big fields, dates from the phone's date picker."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from marketplace.catalogue.models import Product
from marketplace.geo.forms import CommuneField, ProvinceField, TwoLevelAddressMixin
from marketplace.ocop.models import Certificate, Verification
from marketplace.seller.forms import PhotoField

from .labels import LAYOUTS
from .models import CertificateKind, StepKind


class DateField(forms.DateField):
    """A date from `<input type="date">` (yyyy-mm-dd) or typed the Vietnamese way (dd/mm/yyyy)."""

    widget = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    input_formats = ["%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y"]
    default_error_messages = {"invalid": _("Ngày không đúng, ví dụ 30/11/2026.")}


class BatchForm(TwoLevelAddressMixin, forms.Form):
    product: forms.ModelChoiceField[Product] = forms.ModelChoiceField(
        label=_("Sản phẩm"), queryset=None, empty_label=_("— Chọn sản phẩm —")
    )
    code = forms.CharField(
        label=_("Mã lô"),
        max_length=20,
        help_text=_("In trên tem và trong mã QR. Chữ không dấu, số và - . _ (tối đa 20 ký tự)."),
    )
    produced_on = DateField(label=_("Ngày sản xuất hoặc thu hoạch"))
    best_before = DateField(label=_("Hạn sử dụng"), required=False)
    quantity = forms.IntegerField(
        label=_("Số lượng của lô"),
        min_value=1,
        max_value=10_000_000,
        help_text=_("Số đơn vị bán (gói, chai, chiếc). Khi đóng gói đơn hàng, số lượng còn của lô giảm dần."),
        error_messages={"invalid": _("Nhập số lượng bằng số, ví dụ 200.")},
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    province = ProvinceField(label=_("Vùng nguyên liệu: tỉnh/thành phố"), required=False)
    commune = CommuneField(label=_("Vùng nguyên liệu: xã/phường"), required=False)
    origin_place = forms.CharField(
        label=_("Trang trại, cánh đồng hoặc hộ thành viên"),
        max_length=255,
        required=False,
        help_text=_("Ví dụ: Cánh đồng thôn Tập Ninh, hộ ông Đinh Văn Lâm."),
    )

    def __init__(self, *args, scope, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["product"].queryset = scope.products().prefetch_related(None)
        self.setup_address()

    def clean(self):
        data = super().clean()
        commune = self.clean_address() if data.get("commune") else None
        data["origin_province"] = data.pop("province", "") or ""
        data["origin_commune"] = commune.name if commune else ""
        data["origin_commune_code"] = commune.code if commune else ""
        data.pop("commune", None)
        produced, best_before = data.get("produced_on"), data.get("best_before")
        if produced and best_before and best_before < produced:
            self.add_error("best_before", _("Hạn sử dụng phải sau ngày sản xuất."))
        return data


class StepForm(forms.Form):
    kind = forms.ChoiceField(label=_("Công đoạn"), choices=StepKind.choices)
    happened_on = DateField(label=_("Ngày"))
    place = forms.CharField(
        label=_("Địa điểm"), max_length=160, help_text=_("Ví dụ: Xưởng chế biến HTX, thôn Tập Ninh.")
    )
    note = forms.CharField(
        label=_("Ghi chú ngắn"), max_length=280, required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    photo = PhotoField(label=_("Ảnh (không bắt buộc)"), required=False)


class BatchCertificateForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Loại chứng nhận"), choices=CertificateKind.choices, widget=forms.RadioSelect
    )
    ocop: forms.ModelChoiceField[Certificate] = forms.ModelChoiceField(
        label=_("Giấy chứng nhận OCOP của hợp tác xã"),
        queryset=None,
        required=False,
        empty_label=_("— Chọn —"),
    )
    number = forms.CharField(label=_("Số giấy chứng nhận (VietGAP, hữu cơ)"), max_length=64, required=False)
    issuer = forms.CharField(label=_("Tổ chức cấp"), max_length=160, required=False)
    valid_until = DateField(label=_("Hiệu lực đến"), required=False)

    def __init__(self, *args, scope, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["ocop"].queryset = (
            scope.certificates().exclude(status=Verification.REJECTED).prefetch_related(None)
        )
        self.fields["ocop"].label_from_instance = lambda c: (
            _("%(stars)s★ · QĐ %(number)s")
            % {
                "stars": c.stars,
                "number": c.decision_number,
            }
        )

    def clean(self):
        data = super().clean()
        if data.get("kind") == CertificateKind.OCOP and not data.get("ocop"):
            self.add_error("ocop", _("Hãy chọn giấy chứng nhận OCOP."))
        if data.get("kind") in (CertificateKind.VIETGAP, CertificateKind.ORGANIC) and not data.get("number"):
            self.add_error("number", _("Hãy nhập số giấy chứng nhận."))
        return data


class RecallForm(forms.Form):
    message = forms.CharField(
        label=_("Lời nhắn cho người mua"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Hiện trên trang truy xuất của lô và được gửi qua email tới mọi người đã mua lô này."),
    )


class LabelsForm(forms.Form):
    layout = forms.ChoiceField(
        label=_("Khổ tem"),
        choices=[("3x8", _("A4, 3 × 8 tem (70 × 37 mm)")), ("2x5", _("A4, 2 × 5 tem (105 × 57 mm)"))],
        initial="3x8",
    )
    count = forms.IntegerField(label=_("Số tem"), min_value=1, max_value=480, required=False)

    def layout_obj(self):
        return LAYOUTS[self.cleaned_data["layout"]]
