"""Reads for returns: the returns window of a sub-order, what may still be returned, a buyer's and
a cooperative's requests, the alliance's escalations."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db.models import Prefetch, QuerySet, Sum
from django.utils import timezone
from oscar.core.loading import get_model

from marketplace.order.models import SubOrder, SubOrderEvent, SubOrderStatus

from .models import OPEN_STATUSES, ReturnEvent, ReturnLine, ReturnRequest, ReturnStatus

Line = get_model("order", "Line")

RETURNABLE_STATUSES = (SubOrderStatus.DELIVERED, SubOrderStatus.COMPLETED)
# Requests whose quantities no longer count against what may be returned.
NOT_COUNTED = (ReturnStatus.REFUSED, ReturnStatus.CLOSED)


def returns_period() -> timedelta:
    return timedelta(days=settings.RETURNS_PERIOD_DAYS)


def delivered_at(suborder: SubOrder) -> datetime | None:
    """When the cooperative marked the sub-order delivered (its latest "delivered" step)."""
    event = (
        SubOrderEvent.objects.filter(suborder=suborder, status=SubOrderStatus.DELIVERED)
        .order_by("-created_at", "-pk")
        .first()
    )
    return event.created_at if event else None


@dataclass(frozen=True)
class ReturnWindow:
    open: bool
    deadline: datetime | None
    reason: str = ""  # why no request can be made now (in the buyer's words)


def return_window(
    suborder: SubOrder, *, now: datetime | None = None, events=None, returns=None
) -> ReturnWindow:
    """Whether the buyer may ask for a return now, and until when. `events` and `returns` may be
    given already fetched (the order page), else they are read."""
    from django.utils.translation import gettext as _

    now = now or timezone.now()
    if suborder.status not in RETURNABLE_STATUSES:
        return ReturnWindow(False, None, _("Chỉ yêu cầu trả hàng được khi đơn đã giao tới bạn."))
    if events is None:
        delivered = delivered_at(suborder)
    else:
        times = [event.created_at for event in events if event.status == SubOrderStatus.DELIVERED]
        delivered = max(times) if times else None
    deadline = (delivered or suborder.updated_at) + returns_period()
    if now > deadline:
        return ReturnWindow(
            False,
            deadline,
            _("Đã quá %(days)s ngày kể từ khi nhận hàng nên không thể yêu cầu trả hàng nữa.")
            % {"days": settings.RETURNS_PERIOD_DAYS},
        )
    blocking = (*OPEN_STATUSES, ReturnStatus.REFUSED)
    if returns is None:
        pending = suborder.returns.filter(status__in=blocking).exists()
    else:
        pending = any(request.status in blocking for request in returns)
    if pending:
        return ReturnWindow(False, deadline, _("Đơn này đang có một yêu cầu trả hàng chưa xong."))
    return ReturnWindow(True, deadline)


def returnable_lines(suborder: SubOrder) -> list:
    """The sub-order's lines, each with `returnable`: how many may still be asked back."""
    lines = list(
        Line.objects.filter(order_id=suborder.order_id, partner_id=suborder.partner_id).order_by("pk")
    )
    asked = dict(
        ReturnLine.objects.filter(request__suborder=suborder, line__in=lines)
        .exclude(request__status__in=NOT_COUNTED)
        .values("line_id")
        .annotate(n=Sum("quantity"))
        .values_list("line_id", "n")
    )
    for line in lines:
        line.returnable = max(line.quantity - (asked.get(line.pk) or 0), 0)
    return lines


def _with_details(queryset: QuerySet) -> QuerySet:
    """Requests with their lines, photos and steps, in a fixed number of queries."""
    return queryset.select_related("suborder__order", "suborder__partner").prefetch_related(
        Prefetch("lines", queryset=ReturnLine.objects.select_related("line")),
        "photos",
        Prefetch("events", queryset=ReturnEvent.objects.select_related("actor")),
    )


def returns_of_order(order) -> dict[int, list[ReturnRequest]]:
    """{sub-order id: its requests, newest first} for the buyer's order page."""
    grouped: dict[int, list[ReturnRequest]] = {}
    for request in _with_details(ReturnRequest.objects.filter(suborder__order=order)):
        grouped.setdefault(request.suborder_id, []).append(request)
    return grouped


def returns_of_partner(partner, *, status: str = "") -> QuerySet:
    queryset = ReturnRequest.objects.filter(suborder__partner=partner).select_related(
        "suborder__order", "suborder__partner"
    )
    return queryset.filter(status=status) if status else queryset


def return_of_partner(partner, pk) -> ReturnRequest | None:
    return _with_details(ReturnRequest.objects.filter(suborder__partner=partner, pk=pk)).first()


def returns_of_suborder(suborder: SubOrder) -> list[ReturnRequest]:
    return list(_with_details(ReturnRequest.objects.filter(suborder=suborder)))


def open_returns_count(partner) -> int:
    return ReturnRequest.objects.filter(suborder__partner=partner, status=ReturnStatus.REQUESTED).count()


def escalations(*, status: str = ReturnStatus.ESCALATED) -> QuerySet:
    return ReturnRequest.objects.filter(status=status).select_related("suborder__order", "suborder__partner")


def escalation(pk) -> ReturnRequest | None:
    return _with_details(ReturnRequest.objects.filter(pk=pk)).first()


def escalated_suborder_ids() -> QuerySet:
    """Sub-orders with a return the alliance is deciding (its staff may read their conversation)."""
    return ReturnRequest.objects.filter(status=ReturnStatus.ESCALATED).values("suborder_id")
