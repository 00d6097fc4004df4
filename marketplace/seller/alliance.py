"""The alliance's review screens in /dashboard/applications/ (alliance staff only: the dashboard
middleware refuses everyone else, and these views check is_staff again)."""

from django.contrib import messages
from django.contrib.auth.mixins import UserPassesTestMixin
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import ListView, TemplateView

from marketplace.ocop import services as ocop_services
from marketplace.ocop.models import Certificate, Verification
from marketplace.partner import services as partner_services
from marketplace.partner.models import Partner, Status

from .forms import IdentityForm, ReasonForm
from .views import file_response

TABS = [Status.APPLIED, Status.APPROVED, Status.SUSPENDED, Status.REJECTED]


class AllianceMixin(UserPassesTestMixin):
    def test_func(self):
        return self.request.user.is_staff


class ApplicationListView(AllianceMixin, ListView):
    template_name = "seller/alliance/applications.html"
    context_object_name = "cooperatives"
    paginate_by = 50

    def status(self) -> str:
        status = self.request.GET.get("status", Status.APPLIED)
        return status if status in Status.values else Status.APPLIED

    def get_queryset(self):
        return Partner.objects.filter(status=self.status()).order_by("-applied_at", "name")

    def get_context_data(self, **kwargs):
        tabs = [
            (status, Status(status).label, Partner.objects.filter(status=status).count()) for status in TABS
        ]
        return super().get_context_data(tabs=tabs, current=self.status(), **kwargs)


class ApplicationDetailView(AllianceMixin, TemplateView):
    template_name = "seller/alliance/application.html"
    actions = {
        "approve": Status.APPROVED,
        "reject": Status.REJECTED,
        "suspend": Status.SUSPENDED,
        "reinstate": Status.APPROVED,
    }

    def get_context_data(self, **kwargs):
        partner = get_object_or_404(Partner, pk=self.kwargs["pk"])
        allowed = partner_services.TRANSITIONS.get(partner.status, set())
        actions = [name for name, status in self.actions.items() if status in allowed]
        if partner.status == Status.APPLIED:
            actions = [a for a in actions if a in ("approve", "reject")]
        elif partner.status == Status.SUSPENDED:
            actions = ["reinstate"]
        kwargs.setdefault("form", ReasonForm())
        kwargs.setdefault("identity_form", IdentityForm())
        return super().get_context_data(
            cooperative=partner,
            history=partner.status_changes.select_related("changed_by"),
            allowed_actions=actions,
            staff=partner.users.all(),
            **kwargs,
        )

    def post(self, request, pk):
        partner = get_object_or_404(Partner, pk=pk)
        if request.POST.get("action") == "verify_identity":
            return self.verify_identity(request, partner)
        form = ReasonForm(request.POST)
        action = request.POST.get("action")
        if action not in self.actions or not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        try:
            partner_services.cooperative_status_change(
                partner=partner,
                to_status=self.actions[action],
                by=request.user,
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as error:
            form.add_error("reason", error)
            return self.render_to_response(self.get_context_data(form=form), status=400)
        messages.success(request, _("Đã cập nhật trạng thái của %(name)s.") % {"name": partner.name})
        return redirect("alliance:application", pk=partner.pk)

    def verify_identity(self, request, partner):
        form = IdentityForm(request.POST)
        if form.is_valid():
            try:
                partner_services.cooperative_identity_verify(
                    partner=partner,
                    by=request.user,
                    method=form.cleaned_data["method"],
                    document=form.cleaned_data["document"],
                    vneid_reference=form.cleaned_data["vneid_reference"],
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(
                    request, _("Đã ghi xác minh danh tính của %(name)s.") % {"name": partner.name}
                )
                return redirect("alliance:application", pk=partner.pk)
        return self.render_to_response(self.get_context_data(identity_form=form), status=400)


class ApplicationDocumentView(AllianceMixin, View):
    def get(self, request, pk):
        return file_response(get_object_or_404(Partner, pk=pk).registration_document)


class CertificateListView(AllianceMixin, ListView):
    template_name = "seller/alliance/certificates.html"
    context_object_name = "certificates"
    paginate_by = 50

    def status(self) -> str:
        status = self.request.GET.get("status", Verification.PENDING)
        return status if status in Verification.values else Verification.PENDING

    def get_queryset(self):
        return (
            Certificate.objects.filter(status=self.status())
            .select_related("partner")
            .prefetch_related("products")
        )

    def get_context_data(self, **kwargs):
        tabs = [
            (s, Verification(s).label, Certificate.objects.filter(status=s).count()) for s in Verification
        ]
        return super().get_context_data(tabs=tabs, current=self.status(), **kwargs)


class CertificateReviewView(AllianceMixin, TemplateView):
    template_name = "seller/alliance/certificate.html"

    def get_context_data(self, **kwargs):
        certificate = get_object_or_404(Certificate.objects.select_related("partner"), pk=self.kwargs["pk"])
        kwargs.setdefault("form", ReasonForm())
        return super().get_context_data(certificate=certificate, **kwargs)

    def post(self, request, pk):
        certificate = get_object_or_404(Certificate, pk=pk)
        form = ReasonForm(request.POST)
        status = {"verify": Verification.VERIFIED, "reject": Verification.REJECTED}.get(
            request.POST.get("action")
        )
        if status is None or not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        try:
            ocop_services.certificate_review(
                certificate=certificate, by=request.user, status=status, reason=form.cleaned_data["reason"]
            )
        except ValidationError as error:
            form.add_error("reason", error)
            return self.render_to_response(self.get_context_data(form=form), status=400)
        messages.success(request, _("Đã cập nhật giấy chứng nhận %(number)s.") % {"number": certificate})
        return redirect("alliance:certificates")


class CertificateScanView(AllianceMixin, View):
    def get(self, request, pk):
        return file_response(get_object_or_404(Certificate, pk=pk).scan)
