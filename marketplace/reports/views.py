"""The seller centre's "Doanh thu" page: a cooperative's own sales (thin: the figures come from
`selectors.cooperative`, read through the signed-in cooperative's scope)."""

from django.views.generic import TemplateView

from marketplace.ledger.seller_views import balance_sentence
from marketplace.seller.views import SellerMixin

from .selectors import cooperative


class SalesReportView(SellerMixin, TemplateView):
    template_name = "reports/sales.html"
    section = "sales"

    def get_context_data(self, **kwargs):
        unit_key = self.request.GET.get("theo", "thang")
        days_key = self.request.GET.get("ky", "30")
        unit_key = unit_key if unit_key in cooperative.UNITS else "thang"
        days_key = days_key if days_key in cooperative.PERIODS else "30"
        report = cooperative.report(
            self.scope.partner, unit=cooperative.UNITS[unit_key], days=cooperative.PERIODS[days_key]
        )
        report["balance_sentence"] = balance_sentence(report["money"]["balance"])
        return super().get_context_data(unit_key=unit_key, days_key=days_key, **report, **kwargs)
