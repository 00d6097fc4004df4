"""/dashboard/analytics/ — the alliance's analytics (staff only: the dashboard middleware refuses
everyone else and the views check is_staff again). Thin: the figures come from
`selectors.alliance`, read from the summary tables."""

from django.contrib.auth.mixins import UserPassesTestMixin
from django.http import HttpResponse
from django.views import View
from django.views.generic import TemplateView

from .excel import XLSX, analytics_xlsx
from .forms import AnalyticsFilterForm
from .selectors import alliance


class StaffOnlyMixin(UserPassesTestMixin):
    def test_func(self):
        return self.request.user.is_staff


class AnalyticsView(StaffOnlyMixin, TemplateView):
    template_name = "reports/dashboard/analytics.html"

    def get_context_data(self, **kwargs):
        form = AnalyticsFilterForm(self.request.GET or None)
        filters = form.filters()
        return super().get_context_data(
            form=form,
            query=self.request.GET.urlencode(),
            refreshed=alliance.summaries_as_of(),
            **alliance.analytics(filters),
            **kwargs,
        )


class AnalyticsExportView(StaffOnlyMixin, View):
    def get(self, request):
        filters = AnalyticsFilterForm(request.GET or None).filters()
        response = HttpResponse(analytics_xlsx(alliance.analytics(filters)), content_type=XLSX)
        name = f"so-lieu-san-{filters.first:%Y-%m}-{filters.last:%Y-%m}"
        if filters.area:
            name += f"-{filters.area}"
        response["Content-Disposition"] = f'attachment; filename="{name}.xlsx"'
        return response
