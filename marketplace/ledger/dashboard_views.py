"""/dashboard/ledger/: alliance staff set commission rules, pay cooperatives (select, export the
bank file, mark paid) and export the monthly withholding declaration. Staff only (the dashboard
middleware refuses everyone else, and the views check is_staff again)."""

from datetime import date

from django.contrib import messages
from django.contrib.auth.mixins import UserPassesTestMixin
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from . import exports, payouts, selectors
from .forms import CommissionRuleForm
from .models import CommissionRule, PayoutBatch
from .months import VIETNAM, last_closed_month


class StaffOnlyMixin(UserPassesTestMixin):
    def test_func(self):
        return self.request.user.is_staff


class CommissionRulesView(StaffOnlyMixin, TemplateView):
    template_name = "ledger/dashboard/commission.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", CommissionRuleForm())
        context["rules"] = CommissionRule.objects.select_related("partner", "category").order_by(
            "scope", "-pk"
        )
        context["today"] = timezone.now().astimezone(VIETNAM).date()
        return context

    def post(self, request):
        form = CommissionRuleForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        form.instance.created_by = request.user
        form.save()
        messages.success(request, _("Đã lưu tỉ lệ hoa hồng. Đơn đặt từ bây giờ sẽ tính theo tỉ lệ này."))
        return redirect("ledger:commission")


class CommissionRuleEndView(StaffOnlyMixin, View):
    """End a rule today (it no longer applies from tomorrow); orders already placed keep their rate."""

    http_method_names = ["post"]

    def post(self, request, pk: int):
        rule = get_object_or_404(CommissionRule, pk=pk)
        today = timezone.now().astimezone(VIETNAM).date()
        if rule.valid_to is None or rule.valid_to > today:
            rule.valid_to = max(today, rule.valid_from or today)
            rule.save(update_fields=["valid_to"])
        messages.success(request, _("Tỉ lệ này chỉ áp dụng đến hết hôm nay."))
        return redirect("ledger:commission")


class PayoutsView(StaffOnlyMixin, TemplateView):
    template_name = "ledger/dashboard/payouts.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        busy = selectors.partners_in_open_batches()
        owed = list(selectors.positive_balances())
        for partner in owed:
            partner.busy = partner.pk in busy
            partner.has_bank = bool(
                partner.bank_bin and partner.bank_account_number and partner.bank_account_holder
            )
        context.update(owed=owed, batches=selectors.batches()[:20], last_month=last_closed_month())
        return context

    def post(self, request):
        try:
            batch = payouts.payout_batch_create(
                partner_ids=request.POST.getlist("partner"), user=request.user
            )
        except (payouts.PayoutRefused, ValueError) as refusal:
            messages.error(request, str(refusal))
            return redirect("ledger:payouts")
        messages.success(
            request,
            _("Đã tạo đợt chi trả số %(pk)s. Hãy tải tệp chuyển khoản và gửi ngân hàng.") % {"pk": batch.pk},
        )
        return redirect("ledger:payouts")


class PayoutBatchFileView(StaffOnlyMixin, View):
    def get(self, request, pk: int, fmt: str):
        batch = get_object_or_404(PayoutBatch, pk=pk)
        if fmt == "csv":
            response = HttpResponse(exports.payout_csv(batch), content_type="text/csv; charset=utf-8")
        else:
            response = HttpResponse(exports.payout_xlsx(batch), content_type=exports.XLSX)
        response["Content-Disposition"] = f'attachment; filename="chi-tra-dot-{batch.pk}.{fmt}"'
        return response


class PayoutBatchPaidView(StaffOnlyMixin, View):
    http_method_names = ["post"]

    def post(self, request, pk: int):
        batch = get_object_or_404(PayoutBatch, pk=pk)
        recorded = payouts.payout_batch_mark_paid(batch_id=batch.pk, user=request.user)
        if recorded:
            messages.success(
                request,
                _("Đã ghi nhận %(count)s khoản chi trả và gửi email cho các hợp tác xã.")
                % {"count": recorded},
            )
        else:
            messages.info(request, _("Đợt chi trả này đã được ghi nhận trước đó."))
        return redirect("ledger:payouts")


class WithholdingExportView(StaffOnlyMixin, View):
    """?month=2026-11 (default: last month): the declaration data for the accountant."""

    def get(self, request):
        try:
            year, month = (int(part) for part in request.GET.get("month", "").split("-"))
            chosen = date(year, month, 1)
        except ValueError:
            chosen = last_closed_month()
        response = HttpResponse(exports.withholding_xlsx(chosen), content_type=exports.XLSX)
        response["Content-Disposition"] = f'attachment; filename="khau-tru-thue-{chosen:%Y-%m}.xlsx"'
        return response
