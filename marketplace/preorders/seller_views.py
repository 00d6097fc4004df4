"""The seller centre's pre-orders (/seller/preorders/): the cooperative's offers and the pre-orders
they hold, grouped by delivery date; offering a product, editing an offer, moving its dates,
recording deposits received and paid back. Every offer and sub-order comes from the signed-in
cooperative (another's is a 404)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from marketplace.order.exceptions import SubOrderActionRefused
from marketplace.seller.views import SellerFormView, SellerMixin

from . import selectors, services
from .forms import MoveForm, OfferForm
from .models import PreorderOffer


class PreorderListView(SellerMixin, TemplateView):
    template_name = "preorders/seller_list.html"
    section = "preorders"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        partner = self.scope.partner
        context: dict[str, Any] = super().get_context_data(
            days=selectors.preorders_by_delivery(partner),
            refunds_due=selectors.deposit_refunds_due(partner),
            **kwargs,
        )
        return context


class OfferFormView(SellerFormView):
    template_name = "preorders/seller_offer.html"
    section = "preorders"
    form_class = OfferForm

    def get_object(self) -> PreorderOffer | None:
        if "pk" not in self.kwargs:
            return None
        offer = selectors.offer_of_partner(self.scope.partner, self.kwargs["pk"])
        if offer is None:
            raise Http404
        return offer

    def get_form_kwargs(self) -> dict[str, Any]:
        return {"scope": self.scope, "offer": self.object}

    def get_initial(self) -> dict[str, Any]:
        offer = self.object
        if offer is None:
            product = self.request.GET.get("product", "")
            return {"product": product} if product.isdigit() else {}
        return {
            "product": offer.product_id,
            "order_from": offer.order_from,
            "order_until": offer.order_until,
            "deliver_from": offer.deliver_from,
            "deliver_until": offer.deliver_until,
            "cap": offer.cap,
            "deposit_kind": offer.deposit_kind,
            "deposit_value": offer.deposit_value or None,
        }

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        kwargs.setdefault("move_form", MoveForm(initial=self.get_initial(), prefix="move"))
        context: dict[str, Any] = super().get_context_data(offer=self.object, **kwargs)
        return context

    def save(self, form: OfferForm) -> HttpResponse:
        data = form.cleaned_data
        services.offer_save(partner=self.scope.partner, actor=self.request.user, **data)
        messages.success(
            self.request, _("Đã lưu đợt đặt trước “%(title)s”.") % {"title": data["product"].get_title()}
        )
        return redirect("seller:preorders")


class OfferMoveView(SellerMixin, View):
    """POST: move the delivery dates; every buyer is emailed once and may cancel."""

    http_method_names = ["post"]

    def get_object(self) -> PreorderOffer:
        offer = selectors.offer_of_partner(self.scope.partner, self.kwargs["pk"])
        if offer is None:
            raise Http404
        return offer

    def post(self, request: Any, pk: int) -> HttpResponse:
        form = MoveForm(request.POST, prefix="move")
        if not form.is_valid():
            for errors in form.errors.values():
                for error in errors:
                    messages.error(request, str(error))
            return redirect("seller:preorder-edit", pk=pk)
        try:
            services.offer_dates_move(offer_id=self.object.pk, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect("seller:preorder-edit", pk=pk)
        messages.success(request, _("Đã đổi ngày giao. Người mua đã được báo qua email và có thể huỷ đơn."))
        return redirect("seller:preorders")


class DepositStepView(SellerMixin, View):
    """POST on one of the cooperative's sub-orders: the deposit arrived, or was paid back."""

    http_method_names = ["post"]
    step = ""

    def get_object(self) -> Any:
        return self.scope.get_suborder(self.kwargs["number"])

    def post(self, request: Any, number: str) -> HttpResponse:
        try:
            if self.step == "received":
                services.deposit_receive(suborder=self.object, actor=request.user)
                messages.success(request, _("Đã ghi nhận tiền cọc của đơn %(number)s.") % {"number": number})
            else:
                services.deposit_refund_sent(suborder=self.object)
                messages.success(
                    request, _("Đã ghi nhận trả lại tiền cọc đơn %(number)s.") % {"number": number}
                )
        except SubOrderActionRefused as error:
            messages.error(request, str(error))
        return redirect("seller:preorders")
