from datetime import date

from django import forms
from django.utils.translation import gettext_lazy as _

from marketplace.partner.models import Area

from .selectors.alliance import Filters

MAX_MONTHS = 60


class MonthField(forms.CharField):
    """A month typed as YYYY-MM (the browser's month picker) or MM/YYYY; its first day."""

    default_error_messages = {"invalid": _("Nhập tháng theo dạng MM/YYYY, ví dụ 03/2026.")}

    def to_python(self, value):
        value = (super().to_python(value) or "").strip()
        if not value:
            return None
        try:
            if "/" in value:
                month, year = value.split("/")
            else:
                year, month = value.split("-")
            return date(int(year), int(month), 1)
        except ValueError:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from None


class AnalyticsFilterForm(forms.Form):
    first = MonthField(label=_("Từ tháng"), required=False, widget=forms.TextInput(attrs={"type": "month"}))
    last = MonthField(label=_("Đến tháng"), required=False, widget=forms.TextInput(attrs={"type": "month"}))
    area = forms.ChoiceField(label=_("Vùng"), required=False, choices=[("", _("Cả ba vùng")), *Area.choices])

    def clean(self):
        data = super().clean()
        first, last = data.get("first"), data.get("last")
        if first and last:
            if first > last:
                raise forms.ValidationError(_("Tháng bắt đầu phải trước hoặc bằng tháng kết thúc."))
            if (last.year - first.year) * 12 + last.month - first.month >= MAX_MONTHS:
                raise forms.ValidationError(_("Chọn tối đa %(n)s tháng.") % {"n": MAX_MONTHS})
        return data

    def filters(self) -> Filters:
        """The filters asked for, or the last twelve months of all areas where the form is invalid."""
        default = Filters.default()
        if not self.is_valid():
            return default
        data = self.cleaned_data
        first, last = data.get("first"), data.get("last")
        if first and not last:
            last = max(first, default.last)
        if last and not first:
            first = (
                date(last.year - 1, last.month, 1)
                if last.month == 12
                else date(last.year - 1, last.month + 1, 1)
            )
        return Filters(first=first or default.first, last=last or default.last, area=data.get("area") or "")
