"""Forms of the return steps. They check the shape of what was typed; the services decide whether
the step is allowed."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from marketplace.seller.uploads import process_photo

from .models import ReturnReason
from .services import MAX_PHOTOS


class ReturnRequestForm(forms.Form):
    reason = forms.ChoiceField(label=_("Lý do"), choices=ReturnReason.choices, widget=forms.RadioSelect)
    note = forms.CharField(
        label=_("Mô tả thêm"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Ví dụ: lọ mắm bị nứt, nước mắm chảy ra hộp."),
    )

    def __init__(self, data=None, files=None, *, lines, needs_account: bool, **kwargs):
        super().__init__(data, files, **kwargs)
        self.lines = lines
        self.files_list = files.getlist("photos") if files is not None else []
        for line in lines:
            self.fields[f"qty_{line.pk}"] = forms.IntegerField(
                label=line.title,
                min_value=0,
                max_value=line.returnable,
                initial=0,
                required=False,
                help_text=_("Đã mua %(bought)s, còn trả được %(left)s.")
                % {"bought": line.quantity, "left": line.returnable},
                widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
            )
        if needs_account:
            self.fields["bank"] = forms.CharField(label=_("Ngân hàng nhận tiền hoàn"), max_length=64)
            self.fields["account_number"] = forms.CharField(
                label=_("Số tài khoản"), max_length=32, widget=forms.TextInput(attrs={"inputmode": "numeric"})
            )
            self.fields["account_holder"] = forms.CharField(label=_("Tên chủ tài khoản"), max_length=128)

    def quantity_fields(self):
        return [self[f"qty_{line.pk}"] for line in self.lines]

    def other_fields(self):
        return [field for field in self.visible_fields() if not field.name.startswith("qty_")]

    def clean(self):
        cleaned = super().clean()
        if len(self.files_list) > MAX_PHOTOS:
            raise ValidationError(_("Gửi tối đa %(n)s ảnh.") % {"n": MAX_PHOTOS})
        photos = []
        for upload in self.files_list:
            try:
                photos.append(process_photo(upload))
            except ValidationError as error:
                raise ValidationError(error.messages) from None
        cleaned["photos"] = photos
        cleaned["quantities"] = {line.pk: cleaned.get(f"qty_{line.pk}") or 0 for line in self.lines}
        if not any(cleaned["quantities"].values()) and not self.errors:
            raise ValidationError(_("Hãy chọn ít nhất một sản phẩm và số lượng muốn trả."))
        cleaned["refund_account"] = {
            "bank": cleaned.get("bank", ""),
            "number": cleaned.get("account_number", ""),
            "holder": cleaned.get("account_holder", ""),
        }
        return cleaned


class InstructionsForm(forms.Form):
    instructions = forms.CharField(
        label=_("Hướng dẫn gửi lại hàng"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Địa chỉ nhận, cách gửi, ai trả phí gửi."),
    )


class RefuseForm(forms.Form):
    reason = forms.CharField(
        label=_("Lý do từ chối"), max_length=1000, widget=forms.Textarea(attrs={"rows": 3})
    )


class TransferForm(forms.Form):
    reference = forms.CharField(
        label=_("Mã giao dịch hoặc ghi chú"),
        max_length=200,
        required=False,
        help_text=_("Không bắt buộc. Ví dụ: mã giao dịch trong ứng dụng ngân hàng."),
    )


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Quyết định"),
        choices=[
            ("refund", _("Hoàn tiền cho người mua, không cần gửi lại hàng")),
            ("return", _("Người mua gửi lại hàng, hợp tác xã hoàn tiền")),
            ("refuse", _("Giữ nguyên quyết định từ chối của hợp tác xã")),
        ],
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label=_("Lý do quyết định"), max_length=1000, widget=forms.Textarea(attrs={"rows": 3})
    )
