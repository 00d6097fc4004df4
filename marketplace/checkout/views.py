"""Checkout: Oscar's flow, with a payment-method step and payments/ behind one interface."""

from django.contrib import messages
from django.db import transaction
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from oscar.apps.checkout import views as oscar_views
from oscar.apps.checkout.exceptions import FailedPreCondition
from oscar.apps.payment.exceptions import UnableToTakePayment
from oscar.core.loading import get_model

from marketplace.order import tasks as order_tasks
from payments import registry
from payments.base import PaymentDeclined

Source = get_model("payment", "Source")
SourceType = get_model("payment", "SourceType")


class CheckoutPaymentMixin:
    def selected_payment_method(self):
        return registry.get_method(self.checkout_session.payment_method())

    def check_payment_data_is_captured(self, request):
        if self.selected_payment_method() is None:
            raise FailedPreCondition(
                url=reverse("checkout:payment-method"),
                message=_("Hãy chọn cách thanh toán."),
            )

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["payment_method"] = self.selected_payment_method()
        return ctx


class PaymentMethodView(CheckoutPaymentMixin, oscar_views.PaymentMethodView):
    template_name = "oscar/checkout/payment_method.html"

    def get(self, request, *args, **kwargs):
        return self.render_to_response(self.get_context_data(methods=registry.available_methods()))

    def post(self, request, *args, **kwargs):
        method = registry.get_method(request.POST.get("payment_method"))
        if method is None:
            messages.error(request, _("Hãy chọn một cách thanh toán."))
            return redirect("checkout:payment-method")
        self.checkout_session.pay_by(method.code)
        return redirect("checkout:preview")


class PaymentDetailsView(CheckoutPaymentMixin, oscar_views.PaymentDetailsView):
    def get(self, request, *args, **kwargs):
        if not self.preview:
            # No method taken so far needs details: go to the order preview.
            return redirect("checkout:preview")
        return super().get(request, *args, **kwargs)

    def handle_payment(self, order_number, total, **kwargs):
        method = self.selected_payment_method()
        try:
            outcome = method.take_payment(
                order_number=order_number, amount=total.incl_tax, currency=total.currency
            )
        except PaymentDeclined as exc:
            raise UnableToTakePayment(str(exc)) from exc
        source_type, __ = SourceType.objects.get_or_create(name=outcome.source_type)
        self.add_payment_source(
            Source(
                source_type=source_type,
                currency=total.currency,
                amount_allocated=outcome.amount_allocated,
                amount_debited=outcome.amount_debited,
                reference=outcome.reference,
            )
        )

    def send_order_placed_email(self, order):
        order_id = order.id
        transaction.on_commit(lambda: order_tasks.order_confirmation_send.delay(order_id))
