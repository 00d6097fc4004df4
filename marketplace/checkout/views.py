"""Checkout: Oscar's flow with per-cooperative shipping, a payment-method step, and an order that
is placed in one transaction together with its sub-orders and outbox records."""

from typing import TYPE_CHECKING, Any

from django.contrib import messages
from django.db import IntegrityError, transaction
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from oscar.apps.checkout import views as oscar_views
from oscar.apps.checkout.exceptions import FailedPreCondition
from oscar.apps.payment.exceptions import UnableToTakePayment
from oscar.core.loading import get_model

from marketplace.core.client_ip import client_ip
from marketplace.core.rate_limits import check_post_rate
from marketplace.core.requests import ShopRequest
from marketplace.delivery.selectors import (
    SESSION_KEY,
    CooperativeGroup,
    basket_groups,
    basket_lines_prefetch,
    unserved_problems,
)
from marketplace.legal import selectors as legal_selectors
from marketplace.legal import services as legal_services
from marketplace.legal.models import Context, Kind, Version
from marketplace.order import selectors as order_selectors
from marketplace.order import services as order_services
from marketplace.order.exceptions import AlreadyPlaced
from marketplace.order.models import Order
from marketplace.partner.strategy import is_not_on_sale
from payments import registry
from payments.base import PaymentDeclined, PaymentMethod

from .errors import placement_errors_in_words
from .forms import PlaceOrderForm

Basket = get_model("basket", "Basket")
Source = get_model("payment", "Source")
SourceType = get_model("payment", "SourceType")

if TYPE_CHECKING:  # Oscar ships no types: to the type checker the mixins are Oscar's checkout views (Any)
    from oscar.apps.checkout.views import PaymentDetailsView as _OscarCheckoutView
else:
    _OscarCheckoutView = object


def source_type_for(code: str, name: str) -> Any:
    """Oscar's payment SourceType, keyed by its unique code (its name is not unique, and
    concurrent checkouts may race to create it)."""
    try:
        with transaction.atomic():
            return SourceType.objects.get_or_create(code=code, defaults={"name": name})[0]
    except IntegrityError:
        return SourceType.objects.get(code=code)


class BasketIsValidMixin(_OscarCheckoutView):
    def check_basket_is_valid(self, request: ShopRequest) -> None:
        """Oscar's check, with the same clear "sold out" wording as the placement itself."""
        problems: list[str] = []
        for line in basket_lines_prefetch(request.basket):
            info = request.strategy.fetch_for_line(line)
            if is_not_on_sale(info.availability):
                problems.append(
                    _("“%(title)s” không còn được bán. Hãy bỏ sản phẩm này khỏi giỏ hàng để tiếp tục.")
                    % {"title": line.product.get_title()}
                )
            elif not info.availability.is_purchase_permitted(line.quantity)[0]:
                left = (
                    max(info.availability.num_available or 0, 0)
                    if hasattr(info.availability, "num_available")
                    else 0
                )
                problems.append(
                    _(
                        "Rất tiếc, “%(title)s” vừa hết hàng hoặc không còn đủ (còn %(left)s). "
                        "Hãy sửa giỏ hàng để tiếp tục."
                    )
                    % {"title": line.product.get_title(), "left": left}
                )
        if problems:
            raise FailedPreCondition(url=reverse("basket:summary"), messages=problems)


class IndexView(BasketIsValidMixin, oscar_views.IndexView):
    """Oscar's first checkout step, with our basket check (and its wording)."""


class CooperativeShippingMixin(BasketIsValidMixin):
    """The basket grouped by cooperative for the chosen address and shipping choices."""

    def shipping_groups(self, basket: Any = None) -> list[CooperativeGroup]:
        basket = basket or self.request.basket
        address = self.get_shipping_address(basket)
        province = getattr(address, "state", None) or None
        return basket_groups(basket, province=province, choices=self.request.session.get(SESSION_KEY, {}))

    def check_address_is_served(self, request: HttpRequest) -> None:
        problems = unserved_problems(self.shipping_groups())
        if problems:
            raise FailedPreCondition(url=reverse("checkout:shipping-address"), message=problems[0])

    def partner_ids(self) -> list[int]:
        return [group.partner.pk for group in self.shipping_groups()]

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        ctx: dict[str, Any] = super().get_context_data(**kwargs)
        ctx["cooperative_groups"] = self.shipping_groups()
        return ctx


class CheckoutPaymentMixin(CooperativeShippingMixin):
    def selected_payment_method(self) -> PaymentMethod | None:
        return registry.get_method(self.checkout_session.payment_method(), self.partner_ids())

    def check_payment_data_is_captured(self, request: HttpRequest) -> None:
        if self.selected_payment_method() is None:
            raise FailedPreCondition(
                url=reverse("checkout:payment-method"),
                message=_("Hãy chọn cách thanh toán."),
            )

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        ctx: dict[str, Any] = super().get_context_data(**kwargs)
        ctx["payment_method"] = self.selected_payment_method()
        return ctx


class ShippingAddressView(CooperativeShippingMixin, oscar_views.ShippingAddressView):
    def form_valid(self, form: Any) -> HttpResponse:
        province = form.cleaned_data["state"]
        groups = basket_groups(self.request.basket, province=province)
        problems = unserved_problems(groups)
        if problems:
            for problem in problems:
                form.add_error("state", problem)
            invalid: HttpResponse = self.form_invalid(form)
            return invalid
        response: HttpResponse = super().form_valid(form)
        return response


class ShippingMethodView(CooperativeShippingMixin, oscar_views.ShippingMethodView):
    """Each cooperative's options; skipped when no cooperative offers a choice."""

    template_name = "oscar/checkout/shipping_methods.html"

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not self.checkout_session.is_shipping_address_set():
            messages.error(request, _("Hãy nhập địa chỉ giao hàng."))
            return redirect("checkout:shipping-address")
        groups = self.shipping_groups()
        problems = unserved_problems(groups)
        if problems:
            messages.error(request, problems[0])
            return redirect("checkout:shipping-address")
        if not any(group.has_choice for group in groups):
            return self._choose()
        self._methods = self.get_available_shipping_methods()
        response: HttpResponse = self.render_to_response(self.get_context_data())
        return response

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        choices: dict[str, str] = {}
        for group in self.shipping_groups():
            key = str(group.partner.pk)
            chosen = request.POST.get(f"shipping-{key}")
            if chosen is not None and chosen in {option.code for option in group.options}:
                choices[key] = chosen
        request.session[SESSION_KEY] = choices
        self.request.basket._chohtx_groups = None
        return self._choose()

    def _choose(self) -> HttpResponse:
        self.checkout_session.use_shipping_method("theo-htx")
        return redirect(self.get_success_url())


class PaymentMethodView(CheckoutPaymentMixin, oscar_views.PaymentMethodView):
    template_name = "oscar/checkout/payment_method.html"
    pre_conditions = [*oscar_views.PaymentMethodView.pre_conditions, "check_address_is_served"]

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        methods = registry.available_methods(self.partner_ids())
        unavailable = registry.unavailable_methods(self.partner_ids())
        response: HttpResponse = self.render_to_response(
            self.get_context_data(methods=methods, unavailable=unavailable)
        )
        return response

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        method = registry.get_method(request.POST.get("payment_method", ""), self.partner_ids())
        if method is None:
            messages.error(request, _("Hãy chọn một cách thanh toán."))
            return redirect("checkout:payment-method")
        self.checkout_session.pay_by(method.code)
        return redirect("checkout:preview")


class PaymentDetailsView(CheckoutPaymentMixin, oscar_views.PaymentDetailsView):
    pre_conditions = [*oscar_views.PaymentDetailsView.pre_conditions, "check_address_is_served"]
    _invoice: Any = None
    _accepted: list[Version] = []
    _next_url: str | None = None

    def dispatch(self, request: ShopRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        """A second press of "Đặt hàng" after the first one placed the order (the basket is gone):
        the buyer is sent to that order instead of being told the basket is empty."""
        if (
            request.method == "POST"
            and request.POST.get("action") == "place_order"
            and request.basket.is_empty
        ):
            order = order_selectors.order_placed_recently(order_id=request.session.get("checkout_order_id"))
            if order is not None:
                return self.already_placed(order)
        response: HttpResponseBase = super().dispatch(request, *args, **kwargs)
        return response

    def already_placed(self, order: Order) -> HttpResponse:
        messages.info(
            self.request,
            _("Đơn hàng %(number)s đã được đặt từ lần bấm trước, nên không có đơn thứ hai.")
            % {"number": order.number},
        )
        self.request.session["checkout_order_id"] = order.pk
        method = registry.get_method(order_services.order_payment_method(order))
        return redirect((method.next_url(order) if method else None) or reverse("checkout:thank-you"))

    def freeze_basket(self, basket: Any) -> None:
        """Only an open basket is frozen: a concurrent submission that placed the order already
        has submitted it, and a whole-row save here would turn it back into a live basket."""
        Basket.objects.filter(pk=basket.pk, status=Basket.OPEN).update(status=Basket.FROZEN)
        basket.status = Basket.FROZEN

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not self.preview:
            # No method taken so far needs details: go to the order preview.
            return redirect("checkout:preview")
        response: HttpResponse = super().get(request, *args, **kwargs)
        return response

    def place_order_form(self, data: Any = None) -> PlaceOrderForm:
        """The regulations are asked of a guest, and of a signed-in buyer who has not accepted the
        version in force (a new version since their last order: the preview says so)."""
        in_force = legal_selectors.versions_in_force(legal_selectors.ASKED_AGAIN)
        pending = legal_selectors.pending_versions(self.request.user, in_force=in_force)
        return PlaceOrderForm(data, pending=pending, asks=bool(pending) or not in_force)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        ctx: dict[str, Any] = super().get_context_data(**kwargs)
        form = ctx.setdefault("place_order_form", self.place_order_form())
        ctx["regulations_accepted"] = legal_selectors.accepted_before(self.request.user, Kind.REGULATIONS)
        ctx["regulations_new"] = next((v for v in form.versions if v.kind == Kind.REGULATIONS), None)
        return ctx

    def build_submission(self, **kwargs: Any) -> dict[str, Any]:
        submission: dict[str, Any] = super().build_submission(**kwargs)
        # The buyer's emails about this order are written in the language they ordered in.
        submission["order_kwargs"]["language"] = get_language() or "vi"
        return submission

    def handle_place_order_submission(self, request: HttpRequest) -> HttpResponse:
        check_post_rate(request, group="checkout-place")
        form = self.place_order_form(request.POST)
        if not form.is_valid():
            error = " ".join(str(e) for errors in form.errors.values() for e in errors)
            response: HttpResponse = self.render_preview(request, error=error, place_order_form=form)
            return response
        self._invoice = form.invoice
        self._accepted = form.versions
        submitted: HttpResponse = self.submit(**self.build_submission())
        return submitted

    def handle_payment(self, order_number: str, total: Any, **kwargs: Any) -> None:
        method = self.selected_payment_method()
        assert method is not None  # check_payment_data_is_captured ran before
        try:
            outcome = method.take_payment(
                order_number=order_number, amount=total.incl_tax, currency=total.currency
            )
        except PaymentDeclined as exc:
            raise UnableToTakePayment(str(exc)) from exc
        self.add_payment_source(
            Source(
                source_type=source_type_for(method.code, outcome.source_type),
                currency=total.currency,
                amount_allocated=outcome.amount_allocated,
                amount_debited=outcome.amount_debited,
                reference=outcome.reference,
            )
        )

    @placement_errors_in_words
    def handle_order_placement(
        self,
        order_number: str,
        user: Any,
        basket: Any,
        shipping_address: Any,
        shipping_method: Any,
        shipping_charge: Any,
        billing_address: Any,
        order_total: Any,
        surcharges: Any = None,
        **kwargs: Any,
    ) -> HttpResponse:
        """The order, its sub-orders, stock, invoice request and outbox: all or nothing."""
        method = self.selected_payment_method()
        assert method is not None  # check_payment_data_is_captured ran before
        try:
            order = order_services.order_place(
                basket=basket,
                groups=self.shipping_groups(basket),
                payment_method=method.code,
                invoice=self._invoice,
                create=lambda: self.place_order(
                    order_number=order_number,
                    user=user,
                    basket=basket,
                    shipping_address=shipping_address,
                    shipping_method=shipping_method,
                    shipping_charge=shipping_charge,
                    order_total=order_total,
                    billing_address=billing_address,
                    surcharges=surcharges,
                    **kwargs,
                ),
            )
        except AlreadyPlaced as placed:
            return self.already_placed(placed.order)
        legal_services.consent_record(
            versions=self._accepted,
            context=Context.CHECKOUT,
            user=user,
            email=order.email,
            order_number=order.number,
            ip=client_ip(self.request),
        )
        self._next_url = method.next_url(order)
        self.request.session.pop(SESSION_KEY, None)
        response: HttpResponse = self.handle_successful_order(order)
        return response

    def send_order_placed_email(self, order: Order) -> None:
        """Nothing to do here: the confirmation is in the outbox, written with the order."""

    def get_success_url(self) -> str:
        return self._next_url or str(super().get_success_url())


class ThankYouView(oscar_views.ThankYouView):
    def get_context_data(self, *args: Any, **kwargs: Any) -> dict[str, Any]:
        ctx: dict[str, Any] = super().get_context_data(*args, **kwargs)
        ctx["suborder_payments"] = order_selectors.suborder_payments(ctx["order"])
        ctx["awaits_transfer"] = any(payment.awaits_transfer for payment in ctx["suborder_payments"])
        return ctx
