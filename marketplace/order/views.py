"""Buyers: their orders, one order's timeline, look an order up as a guest (number + email or
phone), cancel before confirmation."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from marketplace.core.rate_limits import limit_posts
from marketplace.users.models import User

from . import selectors, services
from .exceptions import SubOrderActionRefused
from .models import Order, SubOrder

SESSION_KEY = "chohtx_looked_up_orders"


@login_required
def history(request: HttpRequest) -> HttpResponse:
    """The signed-in buyer's orders, newest first, each with its per-cooperative timeline."""
    orders = selectors.order_with_timeline(Order.objects.filter(user=request.user).order_by("-date_placed"))[
        :50
    ]
    return render(request, "order/history.html", {"orders": orders})


def detail(request: HttpRequest, number: str) -> HttpResponse:
    """One order's per-cooperative timeline, for its signed-in buyer or a guest who looked it up
    (or placed it) in this session. Anyone else gets 404: an order number alone reveals nothing."""
    order = selectors.order_with_timeline(Order.objects.filter(number=number)).first()
    if order is None or not _may_see(request, order):
        raise Http404
    return render(request, "order/detail.html", {"order": order})


@require_GET
def vietqr_image(request: HttpRequest, number: str, suborder_number: str, fmt: str) -> HttpResponse:
    """A sub-order's VietQR code as a file to save ("Lưu mã QR"), for whoever may see the order."""
    order = Order.objects.filter(number=number).first()
    if order is None or not _may_see(request, order):
        raise Http404
    payment = selectors.suborder_payment_for_viewer(order=order, suborder_number=suborder_number)
    if payment is None:
        raise Http404
    image = payment.image(fmt)
    if image is None:
        raise Http404
    body, content_type = image
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="vietqr-{payment.suborder.number}.{fmt}"'
    response["Cache-Control"] = "private, no-store"
    return response


@limit_posts("order-lookup")
def guest_lookup(request: HttpRequest) -> HttpResponse:
    order = None
    number = request.POST.get("number", "") if request.method == "POST" else ""
    if request.method == "POST":
        order = selectors.order_for_guest(number=number, contact=request.POST.get("contact", ""))
        if order is None:
            messages.error(request, _("Không tìm thấy đơn hàng với mã và email/số điện thoại này."))
        else:
            request.session[SESSION_KEY] = [*request.session.get(SESSION_KEY, []), order.pk][-20:]
            order = selectors.order_with_timeline(type(order).objects.filter(pk=order.pk)).get()
    return render(request, "order/lookup.html", {"order": order, "number": number})


def _may_see(request: HttpRequest, order: Order) -> bool:
    if request.user.is_authenticated and order.user_id == request.user.pk:
        return True
    return (
        order.pk in request.session.get(SESSION_KEY, [])
        or request.session.get("checkout_order_id") == order.pk
    )


@require_POST
def buyer_cancel(request: HttpRequest, number: str, suborder_id: int) -> HttpResponse:
    suborder = SubOrder.objects.select_related("order").filter(pk=suborder_id, order__number=number).first()
    if suborder is None or not _may_see(request, suborder.order):
        raise Http404
    try:
        services.suborder_cancel_by_buyer(
            suborder_id=suborder.pk, actor=request.user if isinstance(request.user, User) else None
        )
    except SubOrderActionRefused as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("Đã huỷ đơn %(number)s.") % {"number": suborder.number})
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        target = reverse("orders:lookup")
    return redirect(target)
