"""Assisted mode: alliance staff run a cooperative's seller centre on its behalf.

A staff member with the permission `seller.act_for_cooperative` chooses a cooperative in
/dashboard/; from then on their session's seller centre is that cooperative's (`SellerScope.
for_request`), under a banner, until they leave. Every step they take there is an `AssistedAction`
with both names; the cooperative's owners read them in /seller/history/ and get them by email once
a day. The steps in `COOPERATIVE_ONLY` stay with the cooperative's own people."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone

from marketplace.notifications.services import PLATFORM_LANGUAGE, email_send_once, site_url
from marketplace.partner.models import Partner, Role, Status

from .models import AssistedAction

User = get_user_model()

SESSION_KEY = "assisting_partner_id"
PERMISSION = "seller.act_for_cooperative"

#: Seller-centre pages that only the cooperative's own people may use: the account buyers pay into
#: and who may run the shop. Deleting products is not offered in the seller centre at all.
COOPERATIVE_ONLY = frozenset({"bank", "staff", "staff-remove", "invitation-cancel"})


def may_assist(user: Any) -> bool:
    """Alliance staff with the permission, signed in with their second factor (django-otp)."""
    verified = getattr(user, "is_verified", None)
    return bool(
        user.is_authenticated
        and user.is_active
        and user.is_staff
        and callable(verified)
        and verified()
        and user.has_perm(PERMISSION)
    )


def assisting_partner(request: HttpRequest) -> Partner | None:
    """The cooperative this request acts for, or None when it is not in assisted mode."""
    partner_id = request.session.get(SESSION_KEY)
    if partner_id is None or not may_assist(request.user):
        return None
    return Partner.objects.exclude(status=Status.REJECTED).filter(pk=partner_id).first()


def _record(
    *, partner: Partner, staff: Any, kind: str, url_name: str = "", target: str = ""
) -> AssistedAction:
    return AssistedAction.objects.create(
        partner=partner,
        staff=staff,
        staff_name=(staff.get_full_name() or staff.email)[:255],
        kind=kind,
        url_name=url_name[:64],
        target=target[:255],
    )


def assisted_start(*, request: HttpRequest, partner: Partner) -> AssistedAction:
    if not may_assist(request.user):
        raise PermissionError("not allowed to act for a cooperative")
    previous = assisting_partner(request)
    with transaction.atomic():
        if previous is not None and previous.pk != partner.pk:
            _record(partner=previous, staff=request.user, kind=AssistedAction.STOP)
        action = _record(partner=partner, staff=request.user, kind=AssistedAction.START)
    request.session[SESSION_KEY] = partner.pk
    return action


def assisted_stop(*, request: HttpRequest) -> Partner | None:
    partner = assisting_partner(request)
    request.session.pop(SESSION_KEY, None)
    if partner is not None:
        _record(partner=partner, staff=request.user, kind=AssistedAction.STOP)
    return partner


def assisted_action_record(*, partner: Partner, staff: Any, url_name: str, target: str) -> AssistedAction:
    return _record(partner=partner, staff=staff, kind=AssistedAction.ACTION, url_name=url_name, target=target)


# --- The daily email to the cooperative's owners -------------------------------------------------
def _day_bounds(day: date) -> tuple[datetime, datetime]:
    start = timezone.make_aware(datetime.combine(day, time.min))
    return start, start + timedelta(days=1)


def assisted_digest_send(*, day: date | None = None, sent_by: str = "") -> int:
    """Email each cooperative the steps taken for it on `day` (default: yesterday, local time), to
    its owners (or its own address when it has none). Once per cooperative and day: running it
    twice sends nothing more. Returns how many emails were sent now."""
    day = day or timezone.localdate() - timedelta(days=1)
    start, end = _day_bounds(day)
    actions = AssistedAction.objects.filter(at__gte=start, at__lt=end).select_related("partner")
    by_partner: dict[int, list[AssistedAction]] = {}
    for action in actions.order_by("at", "pk"):
        by_partner.setdefault(action.partner_id, []).append(action)
    sent = 0
    for partner_id, rows in by_partner.items():
        partner = rows[0].partner
        owners = list(
            User.objects.filter(
                cooperative_roles__partner=partner, cooperative_roles__role=Role.OWNER, is_active=True
            )
            .exclude(email="")
            .values_list("email", flat=True)
        )
        recipients = owners or ([partner.email] if partner.email else [])
        if not recipients:
            continue
        sent += email_send_once(
            key=f"assisted-digest:{partner_id}:{day.isoformat()}",
            to=sorted(recipients),
            template="seller/emails/assisted_digest",
            context={
                "partner": partner,
                "day": day,
                "actions": rows,
                "link": site_url(reverse("seller:history")),
            },
            language=PLATFORM_LANGUAGE,
            sent_by=sent_by,
        )
    return sent
