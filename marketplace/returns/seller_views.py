"""The seller centre's returns (/seller/returns/): the cooperative's own requests and their steps.
Every request comes from the signed-in user's cooperative (another's is a 404); the services decide
whether a step is still allowed."""

from django import forms
from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic import ListView, TemplateView

from marketplace.seller.views import SellerMixin

from . import selectors, services
from .exceptions import ReturnRefused
from .forms import InstructionsForm, RefuseForm, TransferForm
from .models import ReturnStatus
from .views import photo_response

R = ReturnStatus


class ReturnListView(SellerMixin, ListView):
    template_name = "returns/seller_list.html"
    section = "returns"
    context_object_name = "returns"
    paginate_by = 30

    def status(self) -> str:
        status = self.request.GET.get("status", "")
        return status if status in R.values else ""

    def get_queryset(self):
        return selectors.returns_of_partner(self.scope.partner, status=self.status())

    def get_context_data(self, **kwargs):
        tabs = [("", _("Tất cả")), (R.REQUESTED, R.REQUESTED.label), (R.TO_REFUND, R.TO_REFUND.label)]
        return super().get_context_data(tabs=tabs, status=self.status(), **kwargs)


class ReturnDetailView(SellerMixin, TemplateView):
    template_name = "returns/seller_detail.html"
    section = "returns"

    def get_object(self):
        found = selectors.return_of_partner(self.scope.partner, self.kwargs["pk"])
        if found is None:
            raise Http404
        return found

    def get_context_data(self, **kwargs):
        kwargs.setdefault("instructions_form", InstructionsForm())
        kwargs.setdefault("refuse_form", RefuseForm())
        kwargs.setdefault("transfer_form", TransferForm())
        return super().get_context_data(ret=self.object, suborder=self.object.suborder, **kwargs)


class ReturnStepView(ReturnDetailView):
    """POST only: one step, then back to the request with a message (a form's errors re-show it)."""

    http_method_names = ["post"]
    form_class: type[forms.Form] | None = None
    form_name = ""
    success: str | Promise = ""

    def run(self, data: dict):
        raise NotImplementedError

    def post(self, request, pk):
        data = {}
        if self.form_class is not None:
            form = self.form_class(request.POST)
            if not form.is_valid():
                return self.render_to_response(self.get_context_data(**{self.form_name: form}), status=400)
            data = form.cleaned_data
        try:
            self.run(data)
        except ReturnRefused as error:
            messages.error(request, str(error))
        else:
            messages.success(request, str(self.success) % {"number": self.object.number})
        return redirect("seller:return-detail", pk=self.object.pk)


class ReturnAcceptView(ReturnStepView):
    form_class, form_name = InstructionsForm, "instructions_form"
    success = _("Đã đồng ý nhận lại hàng (%(number)s). Người mua đã nhận hướng dẫn qua email.")

    def run(self, data):
        services.return_accept(request_id=self.object.pk, actor=self.request.user, **data)


class ReturnRefuseView(ReturnStepView):
    form_class, form_name = RefuseForm, "refuse_form"
    success = _("Đã từ chối yêu cầu %(number)s. Người mua đã được báo lý do.")

    def run(self, data):
        services.return_refuse(request_id=self.object.pk, actor=self.request.user, **data)


class ReturnRefundOnlyView(ReturnStepView):
    success = _("Đã đồng ý hoàn tiền cho yêu cầu %(number)s.")

    def run(self, data):
        services.return_refund_only(request_id=self.object.pk, actor=self.request.user)


class ReturnReceiveView(ReturnStepView):
    success = _("Đã ghi nhận hàng trả về (%(number)s).")

    def run(self, data):
        resellable = {
            item.pk: self.request.POST.get(f"resellable_{item.pk}") == "1" for item in self.object.lines.all()
        }
        services.return_receive(request_id=self.object.pk, resellable=resellable, actor=self.request.user)


class ReturnTransferView(ReturnStepView):
    form_class, form_name = TransferForm, "transfer_form"
    success = _("Đã ghi nhận chuyển khoản hoàn tiền (%(number)s). Người mua sẽ xác nhận khi nhận được.")

    def run(self, data):
        services.return_transfer_record(request_id=self.object.pk, actor=self.request.user, **data)


class ReturnPhotoView(SellerMixin, View):
    def get_object(self):
        found = selectors.return_of_partner(self.scope.partner, self.kwargs["pk"])
        if found is None:
            raise Http404
        return found

    def get(self, request, pk, photo):
        image = self.object.photos.filter(pk=photo).first()
        if image is None:
            raise Http404
        return photo_response(image.image)
