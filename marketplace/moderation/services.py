"""Writes of the floor's duties: reports, takedowns and appeals, complaints, exports for authorities.
Each step writes an `Event` (append-only) and, when someone must hear of it, its outbox row in the
same transaction."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from marketplace.catalogue.models import Product
from marketplace.outbox.services import outbox_add
from marketplace.partner.models import Partner

from .models import (
    AuthorityExport,
    Complaint,
    ComplaintStatus,
    Event,
    EventKind,
    Report,
    ReportReason,
    ReportStatus,
    Takedown,
    TakedownKind,
    TakedownStatus,
)
from .selectors import can_export_for_authorities, seller_of_product, seller_of_story

NOTIFY = "marketplace.moderation.tasks"


def _text(value: str, message: str) -> str:
    value = (value or "").strip()
    if not value:
        raise ValidationError(message)
    return value


def _reason(reason: str) -> str:
    if reason not in ReportReason.values:
        raise ValidationError(_("Hãy chọn loại vi phạm."))
    return reason


# --- Reports ----------------------------------------------------------------------------------------
@transaction.atomic
def report_submit(
    *,
    reason: str,
    text: str,
    contact: str = "",
    product: Product | None = None,
    partner: Partner | None = None,
    user: Any = None,
) -> Report:
    """A visitor reports a product or a storefront; it waits in the alliance's queue."""
    if partner is None and product is not None:
        partner = seller_of_product(product)
    report = Report.objects.create(
        product=product,
        partner=partner,
        reason=_reason(reason),
        text=_text(text, _("Hãy mô tả vi phạm bạn thấy.")),
        contact=(contact or "").strip(),
        reporter=user if getattr(user, "is_authenticated", False) else None,
    )
    Event.objects.create(kind=EventKind.REPORT_RECEIVED, report=report, note=report.text)
    return report


@transaction.atomic
def report_dismiss(*, report: Report, by: Any, note: str) -> Report:
    report = Report.objects.select_for_update().get(pk=report.pk)
    if report.status != ReportStatus.NEW:
        raise ValidationError(_("Báo cáo này đã được xử lý."))
    report.status, report.handled_at = ReportStatus.DISMISSED, timezone.now()
    report.save(update_fields=["status", "handled_at"])
    Event.objects.create(
        kind=EventKind.REPORT_DISMISSED, report=report, actor=by, note=_text(note, _("Hãy ghi lý do."))
    )
    return report


def _report_taken_down(report: Report | None, takedown: Takedown, by: Any) -> None:
    if report is None:
        return
    report = Report.objects.select_for_update().get(pk=report.pk)
    if report.status == ReportStatus.NEW:
        report.status, report.handled_at = ReportStatus.TAKEN_DOWN, timezone.now()
        report.save(update_fields=["status", "handled_at"])
    Event.objects.create(kind=EventKind.TAKEN_DOWN, report=report, takedown=takedown, actor=by)


# --- Takedowns --------------------------------------------------------------------------------------
def _takedown_record(*, takedown: Takedown, by: Any, report: Report | None) -> Takedown:
    Event.objects.create(kind=EventKind.TAKEN_DOWN, takedown=takedown, actor=by, note=takedown.explanation)
    _report_taken_down(report, takedown, by)
    if takedown.partner_id:
        outbox_add(
            key=f"takedown:{takedown.pk}:taken_down",
            task=f"{NOTIFY}.takedown_email",
            takedown_id=takedown.pk,
            step=EventKind.TAKEN_DOWN,
        )
    return takedown


@transaction.atomic
def product_take_down(
    *, product: Product, by: Any, reason: str, explanation: str, report: Report | None = None
) -> Takedown:
    """Take a product off the floor: it leaves the catalogue, search, the sitemap and its storefront
    (the on-sale rule reads `taken_down_at`; saving the product updates the search index)."""
    product = Product.objects.select_for_update().get(pk=product.pk)
    if product.taken_down_at is not None:
        raise ValidationError(_("Sản phẩm này đang bị gỡ."))
    takedown = Takedown.objects.create(
        kind=TakedownKind.PRODUCT,
        product=product,
        partner=seller_of_product(product),
        title=product.get_title(),
        reason=_reason(reason),
        explanation=_text(explanation, _("Hãy ghi lý do gỡ để hợp tác xã biết.")),
        report=report,
        taken_down_by=by,
    )
    product.taken_down_at = timezone.now()
    product.save(update_fields=["taken_down_at"])
    return _takedown_record(takedown=takedown, by=by, report=report)


@transaction.atomic
def story_take_down(*, page: Any, by: Any, reason: str, explanation: str) -> Takedown:
    """Take a CMS story off the site (unpublished: gone from the stories, search and the sitemap)."""
    page = page.specific
    if not page.live:
        raise ValidationError(_("Câu chuyện này không còn trên trang."))
    takedown = Takedown.objects.create(
        kind=TakedownKind.STORY,
        story=page,
        partner=seller_of_story(page),
        title=page.title,
        reason=_reason(reason),
        explanation=_text(explanation, _("Hãy ghi lý do gỡ.")),
        taken_down_by=by,
    )
    page.unpublish(user=by, log_action=True)
    return _takedown_record(takedown=takedown, by=by, report=None)


@transaction.atomic
def takedown_appeal(*, takedown: Takedown, by: Any, message: str) -> Takedown:
    """The cooperative asks the alliance to reconsider (once)."""
    takedown = Takedown.objects.select_for_update().get(pk=takedown.pk)
    if takedown.status != TakedownStatus.ACTIVE:
        raise ValidationError(_("Không thể kháng nghị lúc này."))
    takedown.appeal = _text(message, _("Hãy viết nội dung kháng nghị."))
    takedown.status, takedown.appealed_at = TakedownStatus.APPEALED, timezone.now()
    takedown.save(update_fields=["appeal", "status", "appealed_at"])
    Event.objects.create(kind=EventKind.APPEALED, takedown=takedown, actor=by, note=takedown.appeal)
    outbox_add(
        key=f"takedown:{takedown.pk}:appealed", task=f"{NOTIFY}.appeal_staff_email", takedown_id=takedown.pk
    )
    return takedown


@transaction.atomic
def takedown_decide(*, takedown: Takedown, by: Any, lift: bool, decision: str) -> Takedown:
    """Alliance staff decide an appeal: lift the takedown (the product or story is back) or uphold it."""
    takedown = Takedown.objects.select_for_update().get(pk=takedown.pk)
    if takedown.status != TakedownStatus.APPEALED:
        raise ValidationError(_("Không có kháng nghị nào chờ quyết định."))
    takedown.decision = _text(decision, _("Hãy ghi lý do quyết định."))
    takedown.status = TakedownStatus.LIFTED if lift else TakedownStatus.UPHELD
    takedown.decided_at = timezone.now()
    takedown.save(update_fields=["decision", "status", "decided_at"])
    if lift:
        _restore(takedown)
    step = EventKind.LIFTED if lift else EventKind.UPHELD
    Event.objects.create(kind=step, takedown=takedown, actor=by, note=takedown.decision)
    if takedown.partner_id:
        outbox_add(
            key=f"takedown:{takedown.pk}:{step}",
            task=f"{NOTIFY}.takedown_email",
            takedown_id=takedown.pk,
            step=step,
        )
    return takedown


def _restore(takedown: Takedown) -> None:
    if takedown.product_id:
        product = Product.objects.select_for_update().get(pk=takedown.product_id)
        product.taken_down_at = None
        product.save(update_fields=["taken_down_at"])
    elif takedown.story is not None:
        revision = takedown.story.specific.get_latest_revision()
        if revision is not None:
            revision.publish()


# --- Complaints -------------------------------------------------------------------------------------
@transaction.atomic
def complaint_receive(
    *, text: str, name: str = "", email: str = "", partner: Partner | None = None, user: Any = None
) -> Complaint:
    """A complaint arrives: it gets its number (KN-2026-000123) and the complainant an email with
    the link to follow it."""
    complaint = Complaint.objects.create(
        text=_text(text, _("Hãy viết nội dung khiếu nại.")),
        name=(name or "").strip()[:255],
        email=(email or "").strip(),
        partner=partner,
        user=user if getattr(user, "is_authenticated", False) else None,
    )
    complaint.number = f"KN-{timezone.localdate(complaint.received_at).year}-{complaint.pk:06d}"
    complaint.save(update_fields=["number"])
    Event.objects.create(kind=EventKind.COMPLAINT_RECEIVED, complaint=complaint)
    if complaint.email:
        outbox_add(
            key=f"complaint:{complaint.pk}:received",
            task=f"{NOTIFY}.complaint_email",
            complaint_id=complaint.pk,
            step=EventKind.COMPLAINT_RECEIVED,
        )
    return complaint


COMPLAINT_STEPS: dict[str, tuple[set[str], str]] = {
    ComplaintStatus.HANDLING: ({ComplaintStatus.RECEIVED}, EventKind.COMPLAINT_HANDLING),
    ComplaintStatus.ANSWERED: (
        {ComplaintStatus.RECEIVED, ComplaintStatus.HANDLING, ComplaintStatus.ANSWERED},
        EventKind.COMPLAINT_ANSWERED,
    ),
    ComplaintStatus.CLOSED: (
        {ComplaintStatus.RECEIVED, ComplaintStatus.HANDLING, ComplaintStatus.ANSWERED},
        EventKind.COMPLAINT_CLOSED,
    ),
}


@transaction.atomic
def complaint_advance(*, complaint: Complaint, by: Any, to_status: str, text: str = "") -> Complaint:
    """Staff take a complaint up (handling), answer it (the answer is emailed) or close it."""
    complaint = Complaint.objects.select_for_update().get(pk=complaint.pk)
    allowed, step = COMPLAINT_STEPS.get(to_status, (set(), ""))  # an unknown status: nothing allowed
    if complaint.status not in allowed:
        raise ValidationError(_("Không thể chuyển khiếu nại sang trạng thái này."))
    now = timezone.now()
    if to_status == ComplaintStatus.ANSWERED:
        complaint.answer = _text(text, _("Hãy viết câu trả lời."))
        complaint.answered_at = now
    if to_status == ComplaintStatus.CLOSED:
        complaint.closed_at = now
    complaint.acknowledged_at = complaint.acknowledged_at or now
    complaint.status = to_status
    complaint.save()
    Event.objects.create(kind=step, complaint=complaint, actor=by, note=(text or "").strip())
    if complaint.email and to_status == ComplaintStatus.ANSWERED:
        key = f"complaint:{complaint.pk}:answered:{complaint.events.count()}"  # each answer once
        outbox_add(
            key=key, task=f"{NOTIFY}.complaint_email", complaint_id=complaint.pk, step=step, once_key=key
        )
    return complaint


# --- Requests from authorities ----------------------------------------------------------------------
@transaction.atomic
def authority_export(
    *, partner: Partner, by: Any, start: date, end: date, requested_by: str
) -> tuple[AuthorityExport, bytes]:
    """A seller's identification and sales for a period, as an Excel workbook, for an authority's
    request. Only alliance admins may; every export is recorded (who, when, which seller, period)."""
    from .excel import authority_xlsx

    if not can_export_for_authorities(by):
        raise PermissionDenied(
            _("Chỉ quản trị viên Liên minh được trích xuất dữ liệu cho cơ quan chức năng.")
        )
    if start > end:
        raise ValidationError(_("Ngày bắt đầu phải trước ngày kết thúc."))
    record = AuthorityExport.objects.create(
        partner=partner,
        period_start=start,
        period_end=end,
        requested_by=_text(requested_by, _("Hãy ghi cơ quan yêu cầu và số văn bản.")),
        made_by=by,
    )
    return record, authority_xlsx(record)
