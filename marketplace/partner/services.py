"""Writes for cooperatives: the demo's upsert, applying to join, and every change of status."""

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from marketplace.core.phones import normalise_phone
from marketplace.outbox.services import outbox_add

from .models import Partner, PartnerStaff, Role, Status, StatusChange

User = get_user_model()

# from-status -> to-statuses the alliance may choose; a reason is required for those in REASON_REQUIRED.
TRANSITIONS = {
    Status.APPLIED: {Status.APPROVED, Status.REJECTED},
    Status.APPROVED: {Status.SUSPENDED},
    Status.SUSPENDED: {Status.APPROVED},
    Status.REJECTED: set(),
}
REASON_REQUIRED = {Status.REJECTED, Status.SUSPENDED}


def cooperative_upsert(*, name: str, status: str = Status.APPROVED, phone: str = "", **fields) -> Partner:
    """Create or update the cooperative called `name` (idempotent)."""
    if phone:
        fields["phone"] = normalise_phone(phone)
    partner, __ = Partner.objects.update_or_create(name=name, defaults={"status": status, **fields})
    return partner


def _record(*, partner: Partner, from_status: str, to_status: str, by, reason: str) -> StatusChange:
    change = StatusChange.objects.create(
        partner=partner, from_status=from_status, to_status=to_status, changed_by=by, reason=reason
    )
    outbox_add(
        key=f"cooperative-status:{change.pk}",
        task="marketplace.partner.tasks.cooperative_status_email",
        change_id=change.pk,
    )
    return change


@transaction.atomic
def cooperative_apply(*, applicant, document, phone: str = "", **fields) -> Partner:
    """A person applies for their cooperative to join. The applicant becomes its owner."""
    if phone:
        fields["phone"] = normalise_phone(phone)
    now = timezone.now()
    partner = Partner(
        status=Status.APPLIED, applied_by=applicant, applied_at=now, consent_given_at=now, **fields
    )
    partner.registration_document.save(document.name, document, save=False)
    partner.save()
    partner.users.add(applicant, through_defaults={"role": Role.OWNER})
    _record(partner=partner, from_status="", to_status=Status.APPLIED, by=applicant, reason="")
    return partner


@transaction.atomic
def cooperative_status_change(*, partner: Partner, to_status: str, by, reason: str = "") -> StatusChange:
    """Approve, reject, suspend or reinstate a cooperative; every change is recorded and emailed."""
    partner = Partner.objects.select_for_update().get(pk=partner.pk)
    reason = (reason or "").strip()
    if to_status not in TRANSITIONS.get(partner.status, set()):
        raise ValidationError(
            _("Không thể chuyển từ “%(old)s” sang “%(new)s”.")
            % {"old": partner.get_status_display(), "new": Status(to_status).label}
        )
    if (to_status in REASON_REQUIRED or partner.status == Status.SUSPENDED) and not reason:
        raise ValidationError(_("Vui lòng ghi rõ lý do."))
    from_status = partner.status
    partner.status = to_status
    partner.save()
    return _record(partner=partner, from_status=from_status, to_status=to_status, by=by, reason=reason)


def partner_staff_set(*, partner: Partner, user, role: str) -> PartnerStaff:
    """Make `user` a member of the cooperative with `role` (a member already keeps the row)."""
    member, __ = PartnerStaff.objects.update_or_create(partner=partner, user=user, defaults={"role": role})
    return member
