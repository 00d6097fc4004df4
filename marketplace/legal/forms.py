"""The boxes a person ticks to accept documents: one unticked box per version, naming it and linking it."""

from __future__ import annotations

from collections.abc import Sequence

from django import forms
from django.utils.html import format_html
from django.utils.translation import gettext as _

from .links import version_url
from .models import Kind, Version


def field_name(kind: str) -> str:
    return "accept_terms" if kind == Kind.REGULATIONS else f"accept_{kind}"


def _label(version: Version) -> str:
    url = version_url(version)
    name = version.get_kind_display()
    linked = format_html('<a href="{}" target="_blank" rel="noopener">{}</a>', url, name) if url else name
    when = version.effective_from.strftime("%d/%m/%Y")
    if version.kind == Kind.PRIVACY:
        return format_html(
            _("Tôi đồng ý để Chợ HTX xử lý dữ liệu cá nhân của tôi theo {} (phiên bản {}, hiệu lực từ {})"),
            linked,
            version.number,
            when,
        )
    return format_html(
        _("Tôi đã đọc và đồng ý với {} của sàn Chợ HTX (phiên bản {}, có hiệu lực từ {})"),
        linked,
        version.number,
        when,
    )


def _required_message(kind: str) -> str:
    if kind == Kind.PRIVACY:
        return _("Hãy đồng ý với Chính sách bảo mật để tiếp tục.")
    return _("Hãy đọc và đồng ý với Quy chế hoạt động để tiếp tục.")


def consent_fields_add(form: forms.BaseForm, versions: Sequence[Version], *, required: str = "") -> None:
    """One required, unticked box per version (`accept_terms` for the regulations, `accept_<kind>`
    for the others); `required` replaces the regulations' message where a step has its own words."""
    for version in versions:
        message = (
            required if required and version.kind == Kind.REGULATIONS else _required_message(version.kind)
        )
        form.fields[field_name(version.kind)] = forms.BooleanField(
            label=_label(version), required=True, initial=False, error_messages={"required": message}
        )
