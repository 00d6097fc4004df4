"""Assisted mode's screens: choosing a cooperative and entering one from its paper application in
/dashboard/, leaving assisted mode, the cooperative's history of what was done for it, and the
printable QR code of its storefront."""

from __future__ import annotations

from typing import Any

import segno
from django.contrib import messages
from django.contrib.auth.mixins import UserPassesTestMixin
from django.db.models import Q, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import ListView, TemplateView

from marketplace.notifications.services import site_url
from marketplace.partner.models import Partner, Status
from marketplace.partner.services import cooperative_register_by_staff

from . import assisted
from .forms import PaperApplicationForm
from .views import SellerMixin


class AssistPermissionMixin(UserPassesTestMixin):
    request: HttpRequest

    def test_func(self) -> bool:
        return assisted.may_assist(self.request.user)


class AssistChooseView(AssistPermissionMixin, ListView):
    """/dashboard/applications/assist/: find a cooperative by name and open its seller centre."""

    template_name = "seller/alliance/assist.html"
    context_object_name = "cooperatives"
    paginate_by = 30

    def get_queryset(self) -> QuerySet[Partner]:
        queryset = Partner.objects.exclude(status=Status.REJECTED).order_by("name")
        query = self.request.GET.get("q", "").strip()[:100]
        if query:
            queryset = queryset.filter(Q(name__icontains=query) | Q(short_name__icontains=query))
        return queryset

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return super().get_context_data(
            query=self.request.GET.get("q", "")[:100],
            assisting=assisted.assisting_partner(self.request),
            **kwargs,
        )


class AssistStartView(AssistPermissionMixin, View):
    http_method_names = ["post"]

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        partner = get_object_or_404(Partner.objects.exclude(status=Status.REJECTED), pk=pk)
        assisted.assisted_start(request=request, partner=partner)  # the banner says whom for
        return redirect("seller:overview")


class PaperApplicationView(AssistPermissionMixin, TemplateView):
    """Enter a cooperative from its paper application; it is approved, and assisted mode opens on it."""

    template_name = "seller/alliance/paper_application.html"

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        return self.render_to_response(self.get_context_data(form=PaperApplicationForm()))

    def post(self, request: HttpRequest) -> HttpResponse:
        form = PaperApplicationForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        data = dict(form.cleaned_data)
        document = data.pop("document")
        data.pop("consent")
        partner = cooperative_register_by_staff(by=request.user, document=document, **data)
        assisted.assisted_start(request=request, partner=partner)
        messages.success(
            request,
            _("Đã thêm %(name)s. Bây giờ bạn có thể nhập sản phẩm thay cho hợp tác xã.")
            % {"name": partner.name},
        )
        return redirect("seller:overview")


class AssistLeaveView(View):
    """/seller/assist/leave/: back to the dashboard; the seller centre is the staff member's again."""

    http_method_names = ["post"]

    def post(self, request: HttpRequest) -> HttpResponse:
        partner = assisted.assisted_stop(request=request)
        if partner is not None:
            messages.info(request, _("Đã thôi thao tác thay cho %(name)s.") % {"name": partner.name})
        if assisted.may_assist(request.user):
            return redirect("alliance:assist")
        return redirect("seller:overview")


class HistoryView(SellerMixin, ListView):
    """/seller/history/: what alliance staff did for the cooperative. Its owners (and staff acting
    for it) read it; other members are sent back to the overview."""

    template_name = "seller/history.html"
    section = "history"
    context_object_name = "actions"
    paginate_by = 50

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not (self.scope.is_owner or self.scope.is_assisted):
            messages.info(request, _("Chỉ chủ gian hàng xem được lịch sử hỗ trợ."))
            return redirect("seller:overview")
        return super().get(request, *args, **kwargs)

    def get_queryset(self) -> QuerySet[Any]:
        return self.scope.assisted_actions()


class StorefrontQRView(SellerMixin, TemplateView):
    """/seller/qr/: the storefront's address as a QR code, to print and stick up at the cooperative."""

    template_name = "seller/storefront_qr.html"
    section = "qr"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        partner = self.scope.partner
        url = site_url(reverse("cooperatives:detail", kwargs={"slug": partner.code}))
        qr = segno.make(url, error="m")
        return super().get_context_data(
            storefront_url=url,
            qr_svg=qr.svg_data_uri(scale=8, border=2, dark="#000", light="#fff"),
            **kwargs,
        )
