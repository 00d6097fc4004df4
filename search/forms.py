from django import forms
from django.utils.translation import gettext_lazy as _

SORT_CHOICES = [
    ("relevance", _("Phù hợp nhất")),
    ("newest", _("Mới nhất")),
    ("price-asc", _("Giá tăng dần")),
    ("price-desc", _("Giá giảm dần")),
    ("title", _("Tên A–Z")),
]


class SearchForm(forms.Form):
    q = forms.CharField(
        required=False,
        label=_("Tìm kiếm"),
        widget=forms.TextInput(attrs={"placeholder": _("Tìm sản phẩm, hợp tác xã…"), "type": "search"}),
    )
    sort_by = forms.ChoiceField(choices=SORT_CHOICES, required=False, label=_("Sắp xếp"))

    def cleaned(self) -> tuple[str, str]:
        if not self.is_valid():
            return "", "relevance"
        return self.cleaned_data["q"].strip(), self.cleaned_data["sort_by"] or "relevance"
