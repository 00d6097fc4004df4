"""The two-level address in forms: a province select, then a commune select filled with that
province's communes (by themes/static/chohtx/geo.js from /geo/communes/ when the province changes;
without JavaScript the server re-renders the list of the posted province).

Use `TwoLevelAddressMixin` in a form that has a `ProvinceField` and a `CommuneField`: call
`setup_address()` at the end of `__init__` and `clean_address()` from `clean()`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from django import forms
from django.templatetags.static import static
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from .provinces import Commune, Province, commune_named, find_province, provinces_alphabetical

COMMUNE_PLACEHOLDER = _("— Chọn xã/phường —")


class ProvinceSelect(forms.Select):
    def __init__(self, attrs=None):
        super().__init__({"class": "geo-select", "autocomplete": "address-level1", **(attrs or {})})


class CommuneSelect(forms.Select):
    """The commune select; loads geo.js, which refills it when the province select changes."""

    def __init__(self, attrs=None):
        super().__init__({"class": "geo-select", "autocomplete": "off", **(attrs or {})})

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["attrs"]["data-geo-communes"] = reverse("geo:communes")
        context["widget"]["attrs"]["data-geo-placeholder"] = COMMUNE_PLACEHOLDER
        return context

    def render(self, name, value, attrs=None, renderer=None):
        html = super().render(name, value, attrs, renderer)
        return html + format_html('<script src="{}" defer></script>', static("chohtx/geo.js"))


class ProvinceField(forms.ChoiceField):
    """One of the 34 provinces; posted as its code ("37"), cleaned to its name ("Ninh Bình")."""

    widget = ProvinceSelect
    default_error_messages = {
        "invalid_choice": _(
            "Hãy chọn tỉnh/thành phố trong danh sách 34 tỉnh, thành phố (sau sáp nhập 2025)."
        ),
        "required": _("Hãy chọn tỉnh/thành phố."),
    }

    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("Tỉnh/thành phố"))
        super().__init__(choices=self._choices_list, **kwargs)

    @staticmethod
    def _choices_list():
        return [("", _("— Chọn tỉnh/thành phố —"))] + [(p.code, p.name) for p in provinces_alphabetical()]

    def prepare_value(self, value):
        province = find_province(value) if value else None
        return province.code if province else value

    def to_python(self, value):
        # A code or, from older pages and scripts, a name: both mean the same province.
        value = super().to_python(value)
        province = find_province(value) if value else None
        return province.code if province else value

    def clean(self, value):
        code = super().clean(value)
        province = find_province(code) if code else None
        return province.name if province else ""


class CommuneField(forms.CharField):
    """A commune of the province chosen in the same form; posted as its code ("14464") or name.

    The form (TwoLevelAddressMixin) fills the choices and checks that the commune belongs to the
    province; this field only carries the raw value."""

    widget = CommuneSelect
    default_error_messages = {"required": _("Hãy chọn xã/phường.")}

    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("Xã/phường"))
        kwargs.setdefault("max_length", 128)
        super().__init__(**kwargs)
        self.province: Province | None = None

    def prepare_value(self, value):
        # The stored value is the commune's name (or a code): show it selected by its code.
        if value and self.province is not None:
            commune = commune_named(self.province, str(value))
            if commune is not None:
                return commune.code
        return value

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        attrs.pop("maxlength", None)  # not an attribute of a <select>
        return attrs


def commune_choices(province: Province | None) -> list[tuple[str, str | Promise]]:
    placeholder: list[tuple[str, str | Promise]] = [("", COMMUNE_PLACEHOLDER)]
    if province is None:
        return [("", _("— Chọn tỉnh/thành phố trước —"))]
    return placeholder + [(commune.code, commune.name) for commune in province.communes]


# The mixin is used on forms; for the type checker it is one.
if TYPE_CHECKING:
    _FormBase = forms.BaseForm
else:
    _FormBase = object


class TwoLevelAddressMixin(_FormBase):
    """Province select + commune select of that province, validated together."""

    province_field = "province"
    commune_field = "commune"

    def setup_address(self) -> None:
        province = self._chosen_province()
        field = cast(CommuneField, self.fields[self.commune_field])
        field.province = province
        field.widget.choices = commune_choices(province)
        field.widget.attrs["data-geo-province-field"] = self[self.province_field].auto_id
        # Which province's communes the page was rendered with (geo.js refills if that changed
        # before it ran).
        field.widget.attrs["data-geo-listed"] = province.code if province else ""

    def _chosen_province(self) -> Province | None:
        if self.is_bound:
            raw = self.data.get(self.add_prefix(self.province_field), "")
        else:
            raw = self.get_initial_for_field(self.fields[self.province_field], self.province_field)
        return find_province(raw) if raw else None

    def clean_address(self) -> Commune | None:
        """The chosen commune, checked to be in the chosen province (None and an error if not)."""
        province = find_province(self.cleaned_data.get(self.province_field) or "")
        value = self.cleaned_data.get(self.commune_field) or ""
        if province is None or not value:
            return None  # the field's own error ("Hãy chọn …") is already there
        commune = commune_named(province, value)
        if commune is None:
            self.add_error(
                self.commune_field,
                _(
                    "Xã/phường này không thuộc %(province)s. "
                    "Hãy chọn xã/phường trong danh sách của %(province)s."
                )
                % {"province": province.label_lower},
            )
        return commune
