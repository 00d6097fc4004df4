"""/dashboard/moderation/ — alliance staff: the queue of reports with their clocks, takedowns and
appeals, complaints, and exports for authorities (admins only). The dashboard middleware refuses
everyone but staff; these views check again."""

from django.contrib import messages
from django.contrib.auth.mixins import UserPassesTestMixin
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.generic import TemplateView
from wagtail.models import Page

from marketplace.catalogue.models import Product
from marketplace.seller.alliance import AllianceMixin

from . import selectors, services
from .excel import XLSX
from .forms import AuthorityExportForm, ComplaintStepForm, DecisionForm, NoteForm, TakedownForm
from .models import Complaint, ComplaintStatus, Report, ReportStatus, Takedown, TakedownStatus


def _errors(form, error: ValidationError, field: str) -> None:
    form.add_error(field if field in form.fields else None, error)


class ReportQueueView(AllianceMixin, TemplateView):
    template_name = "moderation/dashboard/reports.html"

    def get_context_data(self, **kwargs):
        handled = self.request.GET.get("handled") == "1"
        if handled:
            rows = [(report, None) for report in selectors.reports_handled()[:100]]
        else:
            rows = [(r, selectors.clock(r.received_at, r.due_at)) for r in selectors.reports_waiting()[:200]]
        return super().get_context_data(rows=rows, handled=handled, **kwargs)


class ReportDetailView(AllianceMixin, TemplateView):
    template_name = "moderation/dashboard/report.html"

    def dispatch(self, request, *args, **kwargs):
        self.report = get_object_or_404(Report.objects.select_related("product", "partner"), pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        kwargs.setdefault("takedown_form", TakedownForm(initial={"reason": self.report.reason}))
        kwargs.setdefault("dismiss_form", NoteForm())
        clock = selectors.clock(self.report.received_at, self.report.due_at)
        events = self.report.events.select_related("actor")
        return super().get_context_data(report=self.report, clock=clock, events=events, **kwargs)

    def post(self, request, pk):
        report, action = self.report, request.POST.get("action")
        if report.status != ReportStatus.NEW:
            messages.error(request, _("Báo cáo này đã được xử lý."))
            return redirect("moderation:report", pk=report.pk)
        if action == "take_down" and report.product_id:
            form = TakedownForm(request.POST)
            if form.is_valid():
                try:
                    services.product_take_down(
                        product=report.product, by=request.user, report=report, **form.cleaned_data
                    )
                except ValidationError as error:
                    _errors(form, error, "explanation")
                else:
                    messages.success(request, _("Đã gỡ sản phẩm; hợp tác xã được báo qua email."))
                    return redirect("moderation:reports")
            return self.render_to_response(self.get_context_data(takedown_form=form), status=400)
        form = NoteForm(request.POST)
        if action == "dismiss" and form.is_valid():
            services.report_dismiss(report=report, by=request.user, note=form.cleaned_data["note"])
            messages.success(request, _("Đã ghi: không vi phạm."))
            return redirect("moderation:reports")
        return self.render_to_response(self.get_context_data(dismiss_form=form), status=400)


class TakedownListView(AllianceMixin, TemplateView):
    template_name = "moderation/dashboard/takedowns.html"

    def get_context_data(self, **kwargs):
        status = self.request.GET.get("status", "")
        status = status if status in TakedownStatus.values else ""
        tabs = [("", _("Tất cả"))] + [(s.value, s.label) for s in TakedownStatus]
        return super().get_context_data(
            takedowns=selectors.takedowns(status)[:200], tabs=tabs, current=status, **kwargs
        )


class TakedownCreateView(AllianceMixin, TemplateView):
    """Take down a product (?product=<id>) or a story (?story=<page id>) directly."""

    template_name = "moderation/dashboard/takedown_new.html"

    def dispatch(self, request, *args, **kwargs):
        product_id, story_id = request.GET.get("product", ""), request.GET.get("story", "")
        self.product = get_object_or_404(Product, pk=product_id) if product_id.isdigit() else None
        self.story = get_object_or_404(Page, pk=story_id).specific if story_id.isdigit() else None
        if (self.product is None) == (self.story is None):
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        kwargs.setdefault("form", TakedownForm())
        return super().get_context_data(product=self.product, story=self.story, **kwargs)

    def post(self, request):
        form = TakedownForm(request.POST)
        if form.is_valid():
            try:
                if self.product is not None:
                    takedown = services.product_take_down(
                        product=self.product, by=request.user, **form.cleaned_data
                    )
                else:
                    takedown = services.story_take_down(page=self.story, by=request.user, **form.cleaned_data)
            except ValidationError as error:
                _errors(form, error, "explanation")
            else:
                messages.success(request, _("Đã gỡ “%(title)s”.") % {"title": takedown.title})
                return redirect("moderation:takedown", pk=takedown.pk)
        return self.render_to_response(self.get_context_data(form=form), status=400)


class TakedownDetailView(AllianceMixin, TemplateView):
    template_name = "moderation/dashboard/takedown.html"

    def dispatch(self, request, *args, **kwargs):
        self.takedown = get_object_or_404(Takedown, pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        kwargs.setdefault("form", DecisionForm())
        events = self.takedown.events.select_related("actor")
        return super().get_context_data(takedown=self.takedown, events=events, **kwargs)

    def post(self, request, pk):
        form = DecisionForm(request.POST)
        if form.is_valid():
            try:
                services.takedown_decide(
                    takedown=self.takedown,
                    by=request.user,
                    lift=form.cleaned_data["action"] == "lift",
                    decision=form.cleaned_data["decision"],
                )
            except ValidationError as error:
                _errors(form, error, "decision")
            else:
                messages.success(request, _("Đã ghi quyết định; hợp tác xã được báo qua email."))
                return redirect("moderation:takedown", pk=pk)
        return self.render_to_response(self.get_context_data(form=form), status=400)


class ComplaintListView(AllianceMixin, TemplateView):
    template_name = "moderation/dashboard/complaints.html"

    def get_context_data(self, **kwargs):
        status = self.request.GET.get("status", "")
        status = status if status in ComplaintStatus.values else ""
        rows = [
            (c, selectors.clock(c.received_at, c.answer_due_at)) for c in selectors.complaints(status)[:200]
        ]
        tabs = [("", _("Đang mở"))] + [(s.value, s.label) for s in ComplaintStatus]
        return super().get_context_data(rows=rows, tabs=tabs, current=status, **kwargs)


class ComplaintDetailView(AllianceMixin, TemplateView):
    template_name = "moderation/dashboard/complaint.html"

    def dispatch(self, request, *args, **kwargs):
        self.complaint = get_object_or_404(Complaint, pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        kwargs.setdefault("form", ComplaintStepForm(initial={"text": self.complaint.answer}))
        complaint = self.complaint
        return super().get_context_data(
            complaint=complaint,
            acknowledge=selectors.clock(complaint.received_at, complaint.acknowledge_due_at),
            answer=selectors.clock(complaint.received_at, complaint.answer_due_at),
            events=complaint.events.select_related("actor"),
            **kwargs,
        )

    def post(self, request, pk):
        form = ComplaintStepForm(request.POST)
        if form.is_valid():
            try:
                services.complaint_advance(
                    complaint=self.complaint,
                    by=request.user,
                    to_status=form.cleaned_data["action"],
                    text=form.cleaned_data["text"],
                )
            except ValidationError as error:
                _errors(form, error, "text")
            else:
                messages.success(request, _("Đã cập nhật khiếu nại %(number)s.") % {"number": self.complaint})
                return redirect("moderation:complaint", pk=pk)
        return self.render_to_response(self.get_context_data(form=form), status=400)


class AdminsOnlyMixin(UserPassesTestMixin):
    def test_func(self):
        return selectors.can_export_for_authorities(self.request.user)


class AuthorityExportView(AdminsOnlyMixin, TemplateView):
    template_name = "moderation/dashboard/exports.html"

    def get_context_data(self, **kwargs):
        kwargs.setdefault("form", AuthorityExportForm())
        return super().get_context_data(exports=selectors.authority_exports()[:100], **kwargs)

    def post(self, request):
        form = AuthorityExportForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        data = form.cleaned_data
        record, content = services.authority_export(
            partner=data["partner"],
            by=request.user,
            start=data["start"],
            end=data["end"],
            requested_by=data["requested_by"],
        )
        response = HttpResponse(content, content_type=XLSX)
        period = f"{record.period_start:%Y%m%d}-{record.period_end:%Y%m%d}"
        name = f"trich-xuat-{record.partner.code or record.partner_id}-{period}.xlsx"
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        return response
