"""The buyer's side of returns, under /orders/<number>/: ask for a return, escalate a refusal,
confirm a transfer refund arrived, see the photos. For the signed-in buyer of the order or a guest
who looked it up (the order pages' own rule); anyone else gets 404."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST
from oscar.core.loading import get_model

from marketplace.core.rate_limits import limit_posts
from marketplace.order.models import SubOrder
from marketplace.order.views import _may_see as buyer_may_see
from marketplace.seller.views import file_response

from . import selectors, services
from .exceptions import ReturnRefused
from .forms import ReturnRequestForm
from .models import ReturnRequest

Order = get_model("order", "Order")


def _suborder(request, number: str, suborder_number: str) -> SubOrder:
    suborder = (
        SubOrder.objects.select_related("order", "partner")
        .filter(order__number=number, number=suborder_number)
        .first()
    )
    if suborder is None or not buyer_may_see(request, suborder.order):
        raise Http404
    return suborder


def _return(request, number: str, pk) -> ReturnRequest:
    found = (
        ReturnRequest.objects.select_related("suborder__order")
        .filter(pk=pk, suborder__order__number=number)
        .first()
    )
    if found is None or not buyer_may_see(request, found.suborder.order):
        raise Http404
    return found


def _actor(request):
    return request.user if request.user.is_authenticated else None


def _back(number: str, suborder_number: str = ""):
    url = reverse("orders:detail", kwargs={"number": number})
    return redirect(f"{url}#suborder-{suborder_number}" if suborder_number else url)


@limit_posts("return-request")
def return_new(request, number, suborder):
    suborder = _suborder(request, number, suborder)
    window = selectors.return_window(suborder)
    if not window.open:
        messages.error(request, window.reason)
        return _back(number, suborder.number)
    lines = [line for line in selectors.returnable_lines(suborder) if line.returnable]
    needs_account = services.needs_refund_account(suborder)
    data = (request.POST, request.FILES) if request.method == "POST" else (None, None)
    form = ReturnRequestForm(*data, lines=lines, needs_account=needs_account)
    if request.method == "POST" and form.is_valid():
        try:
            created = services.return_request(
                suborder_id=suborder.pk,
                quantities=form.cleaned_data["quantities"],
                reason=form.cleaned_data["reason"],
                note=form.cleaned_data["note"],
                photos=form.cleaned_data["photos"],
                refund_account=form.cleaned_data["refund_account"],
                actor=_actor(request),
            )
        except ReturnRefused as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request,
                _("Đã gửi yêu cầu %(number)s. Hợp tác xã sẽ trả lời bạn qua email.")
                % {"number": created.number},
            )
            return _back(number, suborder.number)
    context = {"suborder": suborder, "order": suborder.order, "form": form, "window": window}
    return render(request, "returns/request_form.html", context, status=400 if form.errors else 200)


@require_POST
def return_escalate(request, number, pk):
    found = _return(request, number, pk)
    try:
        services.return_escalate(request_id=found.pk, actor=_actor(request))
    except ReturnRefused as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Liên minh HTX sẽ xem xét yêu cầu của bạn và báo kết quả qua email."))
    return _back(number, found.suborder.number)


@require_POST
def return_confirm(request, number, pk):
    found = _return(request, number, pk)
    try:
        services.return_transfer_confirm(request_id=found.pk, actor=_actor(request))
    except ReturnRefused as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Cảm ơn bạn đã xác nhận. Yêu cầu trả hàng đã xong."))
    return _back(number, found.suborder.number)


@require_GET
def return_photo(request, number, pk, photo):
    found = _return(request, number, pk)
    image = found.photos.filter(pk=photo).first()
    if image is None:
        raise Http404
    return photo_response(image.image)


def photo_response(field):
    """A stored photo (re-encoded JPEG), shown inline, never cached by shared caches."""
    response = file_response(field)
    response["Content-Disposition"] = "inline"
    response["Content-Type"] = "image/jpeg"
    return response
