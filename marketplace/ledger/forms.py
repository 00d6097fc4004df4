from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from marketplace.partner.models import Partner

from .models import CommissionRule, RuleScope


class CommissionRuleForm(forms.ModelForm):
    rate_percent = forms.DecimalField(
        label=_("Tỉ lệ hoa hồng (%)"),
        min_value=Decimal("0"),
        max_value=Decimal("100"),
        decimal_places=2,
        help_text=_("Ví dụ 5 hoặc 2,5. Ghi 0 để miễn hoa hồng."),
    )

    class Meta:
        model = CommissionRule
        fields = ["scope", "partner", "category", "ocop_group", "valid_from", "valid_to", "note"]
        widgets = {
            "valid_from": forms.DateInput(attrs={"type": "date"}),
            "valid_to": forms.DateInput(attrs={"type": "date"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["partner"].queryset = Partner.objects.order_by("name")
        from marketplace.ocop.groups import ocop_group_choices

        self.fields["ocop_group"] = forms.ChoiceField(
            label=_("Nhóm OCOP"), required=False, choices=[("", "—"), *ocop_group_choices()]
        )

    def clean(self):
        data = super().clean()
        scope = data.get("scope")
        needs = {
            RuleScope.PARTNER: "partner",
            RuleScope.CATEGORY: "category",
            RuleScope.OCOP_GROUP: "ocop_group",
        }
        if scope in needs and not data.get(needs[scope]):
            self.add_error(needs[scope], _("Hãy chọn nơi áp dụng tỉ lệ này."))
        for name in set(needs.values()) - {needs.get(scope)}:
            data[name] = None if name != "ocop_group" else ""
        start, end = data.get("valid_from"), data.get("valid_to")
        if start and end and end < start:
            self.add_error("valid_to", _("Ngày kết thúc phải sau ngày bắt đầu."))
        return data

    def save(self, commit=True):
        self.instance.rate_bp = int(self.cleaned_data["rate_percent"] * 100)
        return super().save(commit=commit)
