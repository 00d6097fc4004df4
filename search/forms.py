from django import forms
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from marketplace.partner.models import Area

from .query import FACETS, PRICE_BANDS, SORTS

SORT_CHOICES = [
    ("relevance", _("Phù hợp nhất")),
    ("newest", _("Mới nhất")),
    ("price-asc", _("Giá tăng dần")),
    ("price-desc", _("Giá giảm dần")),
    ("rating", _("Đánh giá cao")),
]
assert {value for value, __ in SORT_CHOICES} == set(SORTS)
MAX_QUERY_LENGTH = 100


class SearchForm(forms.Form):
    q = forms.CharField(
        required=False,
        label=_("Tìm kiếm"),
        widget=forms.TextInput(
            attrs={"placeholder": _("Tìm sản phẩm, hợp tác xã…"), "type": "search", "autocomplete": "off"}
        ),
    )
    sort_by = forms.ChoiceField(choices=SORT_CHOICES, required=False, label=_("Sắp xếp"))

    def cleaned(self) -> tuple[str, str]:
        if not self.is_valid():
            return "", "relevance"
        return self.cleaned_data["q"].strip()[:MAX_QUERY_LENGTH], self.cleaned_data["sort_by"] or "relevance"


def _valid(name: str, value: str) -> bool:
    if name in ("group", "subgroup", "coop"):
        return value.isdigit() and len(value) < 10
    if name == "area":
        return value in Area.values
    if name == "stars":
        return value in ("3", "4", "5")
    if name == "price":
        return value in PRICE_BANDS
    return name == "stock" and value == "1"


def facet_filters(params: QueryDict) -> dict[str, tuple[str, ...]]:
    """The facet values chosen in the URL (`?area=ha_nam&stars=4&stars=5`); anything unknown is ignored."""
    filters = {}
    for name in FACETS:
        values = tuple(sorted({v for v in params.getlist(name) if _valid(name, v)}))
        if values:
            filters[name] = values
    return filters
