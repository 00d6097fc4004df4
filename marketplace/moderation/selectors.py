"""Reads of the floor's duties: the alliance's queues, a cooperative's own takedowns (and only its
own), who a report or takedown is about, the complainant's signed link, an authority export's rows."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.core import signing
from django.db.models import QuerySet
from django.utils import timezone

from marketplace.catalogue.models import Product
from marketplace.partner.models import Partner

from .models import (
    AuthorityExport,
    Complaint,
    ComplaintStatus,
    Report,
    ReportStatus,
    Takedown,
    TakedownStatus,
)

COMPLAINT_SALT = "moderation.complaint"


def seller_of_product(product: Product) -> Partner | None:
    record = product.stockrecords.select_related("partner").order_by("pk").first()
    return record.partner if record else None


def seller_of_story(page: Any) -> Partner | None:
    """The cooperative a story is about (its first), or the seller of its first product."""
    cooperative = page.cooperatives.order_by("pk").first()
    if cooperative is not None:
        return cooperative
    product = page.products.order_by("pk").first()
    return seller_of_product(product) if product else None


def can_export_for_authorities(user: Any) -> bool:
    """Alliance admins: superusers, or staff given the permission."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    return bool(user.is_superuser or (user.is_staff and user.has_perm("moderation.export_for_authorities")))


# --- Queues (alliance staff) ----------------------------------------------------------------------------
def reports_waiting() -> QuerySet[Report]:
    return (
        Report.objects.filter(status=ReportStatus.NEW)
        .select_related("product", "partner")
        .order_by("received_at", "pk")
    )


def reports_handled() -> QuerySet[Report]:
    return (
        Report.objects.exclude(status=ReportStatus.NEW)
        .select_related("product", "partner")
        .order_by("-handled_at", "-pk")
    )


def takedowns(status: str = "") -> QuerySet[Takedown]:
    found = Takedown.objects.select_related("partner", "product", "taken_down_by")
    return found.filter(status=status) if status else found


def complaints(status: str = "") -> QuerySet[Complaint]:
    found = Complaint.objects.select_related("partner")
    if status:
        return found.filter(status=status)
    return found.exclude(status=ComplaintStatus.CLOSED)


# --- A cooperative's own ----------------------------------------------------------------------------
def takedowns_of_partner(partner: Partner) -> QuerySet[Takedown]:
    return Takedown.objects.filter(partner=partner).select_related("product")


def takedown_of_partner(partner: Partner, pk: int) -> Takedown | None:
    return takedowns_of_partner(partner).filter(pk=pk).first()


def open_takedowns_count(partner: Partner) -> int:
    return Takedown.objects.filter(
        partner=partner, status__in=[TakedownStatus.ACTIVE, TakedownStatus.APPEALED]
    ).count()


# --- Time limits ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Clock:
    """How long something has waited and when it is due, for a queue row."""

    waited_hours: int
    due_at: datetime
    overdue: bool


def clock(received_at: datetime, due_at: datetime, *, now: datetime | None = None) -> Clock:
    now = now or timezone.now()
    return Clock(int((now - received_at).total_seconds() // 3600), due_at, now > due_at)


# --- The complainant's link -------------------------------------------------------------------------
def complaint_token(complaint: Complaint) -> str:
    """The same link every time (it is in the receipt page and in every email), signed with the
    secret key: the number alone, or another complaint's id, cannot be turned into a link."""
    return signing.Signer(salt=COMPLAINT_SALT).sign_object(complaint.pk)


def complaint_from_token(token: str) -> Complaint | None:
    try:
        pk = signing.Signer(salt=COMPLAINT_SALT).unsign_object(token)
    except (signing.BadSignature, ValueError):
        return None
    return Complaint.objects.filter(pk=pk).first() if isinstance(pk, int) else None


# --- Authority exports ------------------------------------------------------------------------------
def authority_exports() -> QuerySet[AuthorityExport]:
    return AuthorityExport.objects.select_related("partner", "made_by")


def sales_for_period(record: AuthorityExport) -> QuerySet[Any]:
    from marketplace.order.models import SubOrder

    return (
        SubOrder.objects.filter(
            partner_id=record.partner_id,
            created_at__date__gte=record.period_start,
            created_at__date__lte=record.period_end,
        )
        .select_related("order")
        .prefetch_related("order__lines")
        .order_by("created_at", "pk")
    )
