"""The buyer's side: cancelling a pre-order after its delivery date was moved (POST from the order
page), for whoever may see the order."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from marketplace.order.exceptions import SubOrderActionRefused
from marketplace.order.models import SubOrder
from marketplace.order.views import _may_see as may_see_order
from marketplace.users.models import User

from . import services


@require_POST
def buyer_cancel(request: HttpRequest, number: str, suborder_id: int) -> HttpResponse:
    suborder = (
        SubOrder.objects.select_related("order", "partner")
        .filter(pk=suborder_id, order__number=number)
        .first()
    )
    if suborder is None or not may_see_order(request, suborder.order):
        raise Http404
    try:
        services.preorder_cancel_by_buyer(
            suborder=suborder, actor=request.user if isinstance(request.user, User) else None
        )
    except SubOrderActionRefused as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Đã huỷ đơn đặt trước %(number)s.") % {"number": suborder.number})
    return redirect("orders:detail", number=number)
