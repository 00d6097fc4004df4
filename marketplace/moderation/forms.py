"""The forms of reports, takedowns, appeals, complaints and authority exports (Vietnamese messages)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from marketplace.partner.models import Partner

from .models import ReportReason

TEXT = {"required": _("Hãy điền mục này.")}


class ReportForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("Loại vi phạm"),
        choices=ReportReason.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Hãy chọn loại vi phạm."),
            "invalid_choice": _("Hãy chọn loại vi phạm."),
        },
    )
    text = forms.CharField(
        label=_("Bạn thấy điều gì sai?"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": _("Hãy mô tả vi phạm bạn thấy."), "max_length": _("Tối đa 2.000 ký tự.")},
    )
    contact = forms.CharField(
        label=_("Email hoặc số điện thoại để chúng tôi hỏi thêm (không bắt buộc)"),
        max_length=254,
        required=False,
    )


class TakedownForm(forms.Form):
    reason = forms.ChoiceField(label=_("Loại vi phạm"), choices=ReportReason.choices, error_messages=TEXT)
    explanation = forms.CharField(
        label=_("Lý do gỡ (hợp tác xã sẽ đọc)"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages=TEXT,
    )


class NoteForm(forms.Form):
    note = forms.CharField(
        label=_("Ghi chú"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3}), error_messages=TEXT
    )


class AppealForm(forms.Form):
    message = forms.CharField(
        label=_("Nội dung kháng nghị"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={
            "required": _("Hãy viết nội dung kháng nghị."),
            "max_length": _("Tối đa 2.000 ký tự."),
        },
    )


class DecisionForm(forms.Form):
    action = forms.ChoiceField(choices=[("lift", _("Khôi phục")), ("uphold", _("Giữ nguyên"))])
    decision = forms.CharField(
        label=_("Lý do quyết định"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages=TEXT,
    )


class ComplaintStepForm(forms.Form):
    action = forms.ChoiceField(
        choices=[("handling", _("Nhận xử lý")), ("answered", _("Gửi trả lời")), ("closed", _("Đóng"))]
    )
    text = forms.CharField(
        label=_("Trả lời"), max_length=5000, required=False, widget=forms.Textarea(attrs={"rows": 5})
    )


class DateInput(forms.DateInput):
    input_type = "date"


class AuthorityExportForm(forms.Form):
    partner = forms.ModelChoiceField(
        label=_("Người bán"), queryset=Partner.objects.order_by("name"), error_messages=TEXT
    )
    start = forms.DateField(label=_("Từ ngày"), widget=DateInput, error_messages=TEXT)
    end = forms.DateField(label=_("Đến ngày"), widget=DateInput, error_messages=TEXT)
    requested_by = forms.CharField(
        label=_("Cơ quan yêu cầu và số văn bản"), max_length=255, error_messages=TEXT
    )

    def clean(self):
        data = super().clean()
        if data.get("start") and data.get("end") and data["start"] > data["end"]:
            raise forms.ValidationError(_("Ngày bắt đầu phải trước ngày kết thúc."))
        return data
