"""Public screens: the "Báo cáo vi phạm" form reached from every product page and storefront (works
for visitors, rate-limited), and a complainant's view of their complaint through a signed link."""

from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.decorators import method_decorator
from django.views import View

from marketplace.catalogue.selectors import on_sale
from marketplace.core.rate_limits import limit_posts
from marketplace.partner.models import Partner

from . import selectors, services
from .forms import ReportForm


class ReportView(View):
    template_name = "moderation/report.html"

    def subject(self, request):
        """(product, cooperative) named in the query: something a buyer can see, or a 404."""
        product_id, code = request.GET.get("product", ""), request.GET.get("cooperative", "")
        if product_id.isdigit():
            product = on_sale().filter(pk=int(product_id)).first()
            if product is None:
                raise Http404
            return product, selectors.seller_of_product(product)
        cooperative = Partner.objects.approved().filter(code=code).first() if code else None
        if cooperative is None:
            raise Http404
        return None, cooperative

    def _render(self, request, form, status=200):
        product, cooperative = self.subject(request)
        context = {"form": form, "product": product, "cooperative": cooperative}
        return render(request, self.template_name, context, status=status)

    def get(self, request):
        if request.GET.get("sent") == "1":
            return render(request, "moderation/report_sent.html")
        return self._render(request, ReportForm())

    @method_decorator(limit_posts("violation-report"))
    def post(self, request):
        product, cooperative = self.subject(request)
        form = ReportForm(request.POST)
        if not form.is_valid():
            return self._render(request, form, status=400)
        services.report_submit(product=product, partner=cooperative, user=request.user, **form.cleaned_data)
        return redirect(f"{request.path}?sent=1")


class ComplaintStatusView(View):
    def get(self, request, token):
        complaint = selectors.complaint_from_token(token)
        if complaint is None:
            raise Http404
        return render(request, "moderation/complaint_status.html", {"complaint": complaint})
