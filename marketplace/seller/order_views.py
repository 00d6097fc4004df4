"""The seller centre's orders (/seller/orders/): the cooperative's own sub-orders and their life cycle.

Thin views: every sub-order comes from SellerScope, every step is a service of
marketplace.order.services, which decides whether the step is still allowed (two staff members
clicking at once: the second gets the service's refusal as a message)."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django import forms
from django.contrib import messages
from django.shortcuts import redirect
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django.views.generic import ListView, TemplateView

from marketplace.order import services
from marketplace.order.batches import batch_keeper
from marketplace.order.exceptions import SubOrderActionRefused
from marketplace.order.models import PaymentStatus, SubOrderStatus

from .order_forms import CancelForm, ShipForm
from .views import SellerMixin

S = SubOrderStatus

# Which buttons the detail page shows for each status, in the order of the life cycle. The services
# stay the authority: they refuse a step that is no longer allowed.
NEXT_STEPS = {
    S.NEW: ("confirm", "cancel"),
    S.CONFIRMED: ("pack", "cancel"),
    S.PACKED: ("ship", "cancel"),
    S.SHIPPED: ("deliver",),
    S.DELIVERED: ("complete",),
}


def steps_for(suborder) -> set[str]:
    steps = set(NEXT_STEPS.get(suborder.status, ()))
    if (
        suborder.payment_method == "vietqr"
        and suborder.payment_status == PaymentStatus.PENDING
        and suborder.status != S.CANCELLED
    ):
        steps.add("paid")
    return steps


@dataclass(frozen=True)
class Tab:
    status: str
    label: str
    count: int


class SubOrderListView(SellerMixin, ListView):
    template_name = "seller/orders.html"
    section = "orders"
    context_object_name = "suborders"
    paginate_by = 30

    def status(self) -> str:
        status = self.request.GET.get("status", "")
        return status if status in S.values else ""

    def get_queryset(self):
        suborders = self.scope.suborders()
        return suborders.filter(status=self.status()) if self.status() else suborders

    def get_context_data(self, **kwargs):
        counts = self.scope.suborder_counts()
        tabs = [Tab("", _("Tất cả"), sum(counts.values()))]
        tabs += [Tab(status.value, status.label, counts.get(status.value, 0)) for status in S]
        return super().get_context_data(tabs=tabs, status=self.status(), **kwargs)


class SubOrderDetailView(SellerMixin, TemplateView):
    template_name = "seller/order_detail.html"
    section = "orders"

    def get_object(self):
        return self.scope.get_suborder(self.kwargs["number"])

    def get_context_data(self, **kwargs):
        suborder = self.object
        kwargs.setdefault("ship_form", ShipForm())
        kwargs.setdefault("cancel_form", CancelForm())
        return super().get_context_data(
            suborder=suborder,
            order=suborder.order,
            address=suborder.order.shipping_address,
            lines=self.scope.suborder_lines(suborder),
            events=self.scope.suborder_events(suborder),
            steps=steps_for(suborder),
            batch_lines=batch_keeper().lines(suborder),
            **kwargs,
        )


class SubOrderStepView(SubOrderDetailView):
    """POST only: run one step of the life cycle, then back to the sub-order with a message.
    A step with a form (ship, cancel) shows the sub-order again with the form's errors."""

    http_method_names = ["post"]
    service: Callable[..., Any] | None = None
    success: str | Promise = ""
    form_class: type[forms.Form] | None = None
    form_name = ""

    def post(self, request, number):
        suborder = self.object
        data = {}
        if self.form_class is not None:
            form = self.form_class(request.POST)
            if not form.is_valid():
                context = self.get_context_data(**{self.form_name: form})
                return self.render_to_response(context, status=400)
            data = form.cleaned_data
        try:
            self.service(suborder_id=suborder.pk, actor=request.user, **data)
        except SubOrderActionRefused as error:
            messages.error(request, str(error))
        else:
            messages.success(request, str(self.success) % {"number": suborder.number})
        return redirect("seller:order-detail", number=suborder.number)


class SubOrderConfirmView(SubOrderStepView):
    service = staticmethod(services.suborder_confirm)
    success = _("Đã xác nhận đơn %(number)s. Người mua đã được báo qua email.")


class SubOrderPackView(SubOrderStepView):
    service = staticmethod(services.suborder_pack)
    success = _("Đơn %(number)s đã đóng gói xong.")

    def post(self, request, number):
        suborder = self.object
        try:
            services.suborder_pack(
                suborder_id=suborder.pk, actor=request.user, batches=chosen_batches(request.POST)
            )
        except SubOrderActionRefused as error:
            messages.error(request, str(error))
        else:
            messages.success(request, str(self.success) % {"number": suborder.number})
        return redirect("seller:order-detail", number=suborder.number)


def chosen_batches(data) -> dict[int, int]:
    """The packing form's `batch-<line id>` selects: {line id: batch id (0: no batch)}."""
    chosen = {}
    for key, value in data.items():
        line_id, batch_id = key.removeprefix("batch-"), value
        if key.startswith("batch-") and line_id.isdigit() and batch_id.isdigit():
            chosen[int(line_id)] = int(batch_id)
    return chosen


class SubOrderShipView(SubOrderStepView):
    service = staticmethod(services.suborder_ship)
    success = _("Đơn %(number)s đã giao cho đơn vị vận chuyển.")
    form_class = ShipForm
    form_name = "ship_form"


class SubOrderDeliverView(SubOrderStepView):
    service = staticmethod(services.suborder_deliver)
    success = _("Đơn %(number)s đã giao tới người mua.")


class SubOrderCompleteView(SubOrderStepView):
    service = staticmethod(services.suborder_complete)
    success = _("Đơn %(number)s đã hoàn tất.")


class SubOrderPaidView(SubOrderStepView):
    service = staticmethod(services.suborder_payment_received)
    success = _("Đã ghi nhận tiền chuyển khoản của đơn %(number)s.")


class SubOrderCancelView(SubOrderStepView):
    service = staticmethod(services.suborder_cancel)
    success = _("Đã huỷ đơn %(number)s. Người mua đã được báo lý do.")
    form_class = CancelForm
    form_name = "cancel_form"
