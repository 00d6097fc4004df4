"""The card payment page and Stripe's webhook (thin: services do the work)."""

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import render
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from marketplace.order.models import Order

from . import selectors, services, stripe_gateway


def card_payment(request: HttpRequest, number: str) -> HttpResponse:
    """Only the buyer who just placed the order (this session) or its signed-in owner."""
    order = Order.objects.filter(number=number).first()
    if order is None:
        raise Http404
    owner = request.user.is_authenticated and order.user_id == request.user.pk
    if not owner and request.session.get("checkout_order_id") != order.pk:
        raise Http404
    due = selectors.card_due(order)
    context = {"order": order, "due": due}
    if not due.suborders:  # cancelled, paid already, or not a card order: no payment form
        return render(request, "payments/card.html", context)
    try:
        payment = services.stripe_payment_ensure(order=order)
    except stripe_gateway.StripeError:
        return render(request, "payments/card.html", {**context, "unavailable": True}, status=503)
    context.update(payment=payment, publishable_key=settings.STRIPE_PUBLISHABLE_KEY)
    return render(request, "payments/card.html", context)


@csrf_exempt
@require_POST
def stripe_webhook(request: HttpRequest) -> HttpResponse:
    try:
        event = stripe_gateway.event_verify(
            payload=request.body, signature=request.headers.get("Stripe-Signature", "")
        )
    except stripe_gateway.StripeError:
        return HttpResponseBadRequest("invalid signature")
    return HttpResponse(services.stripe_event_handle(event=event))
