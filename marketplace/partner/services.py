"""Writes for cooperatives: the demo's upsert, applying to join, every change of status, members' roles
and the account buyers transfer to."""

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from marketplace.core.phones import normalise_phone
from marketplace.outbox.services import outbox_add

from .models import BankAccountChange, IdentityMethod, Partner, PartnerStaff, Role, Status, StatusChange
from .selectors import is_cooperative_owner

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
def cooperative_register_by_staff(*, by, document, phone: str = "", **fields) -> Partner:
    """Alliance staff enter a cooperative from its paper application (signed consent included): it is
    approved at once, since staff have seen the papers, and has no account of its own yet."""
    if phone:
        fields["phone"] = normalise_phone(phone)
    now = timezone.now()
    partner = Partner(status=Status.APPLIED, applied_by=None, applied_at=now, consent_given_at=now, **fields)
    partner.registration_document.save(document.name, document, save=False)
    partner.identity_method = IdentityMethod.DOCUMENT
    partner.identity_document = _("Hồ sơ giấy nộp tại Liên minh HTX")
    partner.identity_verified_by, partner.identity_verified_at = by, now
    partner.save()
    _record(partner=partner, from_status="", to_status=Status.APPLIED, by=by, reason="")
    partner.status = Status.APPROVED
    partner.save(update_fields=["status"])
    _record(
        partner=partner,
        from_status=Status.APPLIED,
        to_status=Status.APPROVED,
        by=by,
        reason=_("Hồ sơ giấy, do Liên minh HTX nhập"),
    )
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
    if to_status == Status.APPROVED and not partner.is_identity_verified:
        raise ValidationError(
            _("Chưa xác minh danh tính người bán: hãy ghi lại giấy tờ đã đối chiếu trước khi duyệt.")
        )
    from_status = partner.status
    partner.status = to_status
    partner.save()
    return _record(partner=partner, from_status=from_status, to_status=to_status, by=by, reason=reason)


@transaction.atomic
def cooperative_identity_verify(
    *, partner: Partner, by, method: str, document: str, vneid_reference: str = ""
) -> Partner:
    """Record how alliance staff verified the seller's identity (the papers they checked, or the
    VNeID electronic identification), by whom and when. Without it a cooperative is not approved
    and sells nothing. Verifying again replaces the record (the latest check is what counts)."""
    document, vneid_reference = (document or "").strip(), (vneid_reference or "").strip()
    if method not in IdentityMethod.values:
        raise ValidationError(_("Hãy chọn cách xác minh danh tính."))
    if not document:
        raise ValidationError(_("Hãy ghi giấy tờ đã đối chiếu."))
    if method == IdentityMethod.VNEID and not vneid_reference:
        raise ValidationError(_("Hãy ghi mã định danh điện tử (VNeID)."))
    partner = Partner.objects.select_for_update().get(pk=partner.pk)
    partner.identity_method, partner.identity_document = method, document
    partner.identity_vneid_reference = vneid_reference
    partner.identity_verified_by, partner.identity_verified_at = by, timezone.now()
    partner.save()
    return partner


def partner_staff_set(*, partner: Partner, user, role: str) -> PartnerStaff:
    """Make `user` a member of the cooperative with `role` (a member already keeps the row)."""
    member, __ = PartnerStaff.objects.update_or_create(partner=partner, user=user, defaults={"role": role})
    return member


@transaction.atomic
def partner_bank_account_change(
    *, partner: Partner, by, bank_bin: str, account_number: str, account_holder: str
) -> BankAccountChange | None:
    """Point buyers' transfers at another account. Only an owner of the cooperative may; the change
    is recorded (old and new) and emailed to the cooperative's people and the alliance's staff.
    Sub-orders already placed keep the account they were placed with. None if nothing changed."""
    if not is_cooperative_owner(by, partner):
        raise PermissionDenied(_("Chỉ chủ gian hàng mới đổi được tài khoản nhận tiền."))
    partner = Partner.objects.select_for_update().get(pk=partner.pk)
    old = (partner.bank_bin, partner.bank_account_number, partner.bank_account_holder)
    new = (bank_bin, account_number, account_holder)
    if old == new:
        return None
    change = BankAccountChange.objects.create(
        partner=partner,
        changed_by=by,
        old_bank_bin=old[0],
        old_account_number=old[1],
        old_account_holder=old[2],
        new_bank_bin=new[0],
        new_account_number=new[1],
        new_account_holder=new[2],
    )
    partner.bank_bin, partner.bank_account_number, partner.bank_account_holder = new
    partner.save(update_fields=["bank_bin", "bank_account_number", "bank_account_holder"])
    outbox_add(
        key=f"bank-account-change:{change.pk}",
        task="marketplace.partner.tasks.bank_account_change_email",
        change_id=change.pk,
    )
    return change
