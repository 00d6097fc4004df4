"""The floor's duties as an intermediary platform (E-commerce Law 2025): reports of violations from
anyone, takedowns of products and stories by alliance staff with the cooperative's appeal,
complaints with a number and time limits, and the record of exports handed to authorities.

Every report, takedown, appeal and complaint keeps its history as `Event` rows, which, like the
`AuthorityExport` rows, are never changed or deleted."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from marketplace.core.append_only import AppendOnly


class ReportReason(models.TextChoices):
    COUNTERFEIT = "counterfeit", _("Hàng giả, hàng nhái")
    BANNED = "banned", _("Hàng cấm hoặc không được phép bán")
    FOOD_SAFETY = "food_safety", _("Không bảo đảm an toàn thực phẩm")
    MISLEADING = "misleading", _("Thông tin sai sự thật, gây hiểu lầm")
    INTELLECTUAL_PROPERTY = "ip", _("Vi phạm sở hữu trí tuệ")
    OCOP = "ocop", _("Dùng sai nhãn OCOP hoặc chứng nhận")
    OTHER = "other", _("Vi phạm khác")


class ReportStatus(models.TextChoices):
    NEW = "new", _("Chờ xem xét")
    TAKEN_DOWN = "taken_down", _("Đã gỡ")
    DISMISSED = "dismissed", _("Không vi phạm")


class Report(models.Model):
    """A visitor's report ("Báo cáo vi phạm") about a product or a cooperative's storefront."""

    product = models.ForeignKey(
        "catalogue.Product", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    partner = models.ForeignKey(
        "partner.Partner", on_delete=models.PROTECT, null=True, blank=True, related_name="reports"
    )
    reason = models.CharField(_("Loại vi phạm"), max_length=16, choices=ReportReason.choices)
    text = models.TextField(_("Nội dung"), max_length=2000)
    contact = models.CharField(_("Liên hệ"), max_length=254, blank=True)
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    status = models.CharField(
        _("Trạng thái"), max_length=16, choices=ReportStatus.choices, default=ReportStatus.NEW
    )
    received_at = models.DateTimeField(_("Nhận lúc"), auto_now_add=True, db_index=True)
    handled_at = models.DateTimeField(_("Xử lý lúc"), null=True, blank=True)

    class Meta:
        ordering = ["received_at", "pk"]
        verbose_name = _("Báo cáo vi phạm")
        verbose_name_plural = _("Báo cáo vi phạm")

    def __str__(self) -> str:
        return f"BC-{self.pk}"

    @property
    def due_at(self):
        from .limits import REPORT_REVIEW

        return self.received_at + REPORT_REVIEW


class TakedownKind(models.TextChoices):
    PRODUCT = "product", _("Sản phẩm")
    STORY = "story", _("Câu chuyện")


class TakedownStatus(models.TextChoices):
    ACTIVE = "active", _("Đang bị gỡ")
    APPEALED = "appealed", _("Đang kháng nghị")
    LIFTED = "lifted", _("Đã khôi phục")
    UPHELD = "upheld", _("Giữ nguyên quyết định gỡ")


class Takedown(models.Model):
    """Alliance staff took a product or a story off the floor, with a reason the cooperative sees."""

    kind = models.CharField(_("Loại"), max_length=8, choices=TakedownKind.choices)
    product = models.ForeignKey(
        "catalogue.Product", on_delete=models.PROTECT, null=True, blank=True, related_name="takedowns"
    )
    story = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    partner = models.ForeignKey(
        "partner.Partner", on_delete=models.PROTECT, null=True, blank=True, related_name="takedowns"
    )
    title = models.CharField(_("Tên"), max_length=255)
    reason = models.CharField(_("Loại vi phạm"), max_length=16, choices=ReportReason.choices)
    explanation = models.TextField(_("Lý do gỡ"), max_length=2000)
    report = models.ForeignKey(Report, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    status = models.CharField(
        _("Trạng thái"), max_length=16, choices=TakedownStatus.choices, default=TakedownStatus.ACTIVE
    )
    taken_down_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    taken_down_at = models.DateTimeField(_("Gỡ lúc"), auto_now_add=True)
    appeal = models.TextField(_("Kháng nghị của hợp tác xã"), max_length=2000, blank=True)
    appealed_at = models.DateTimeField(_("Kháng nghị lúc"), null=True, blank=True)
    decision = models.TextField(_("Quyết định về kháng nghị"), max_length=2000, blank=True)
    decided_at = models.DateTimeField(_("Quyết định lúc"), null=True, blank=True)

    class Meta:
        ordering = ["-taken_down_at", "-pk"]
        verbose_name = _("Gỡ nội dung")
        verbose_name_plural = _("Gỡ nội dung")

    def __str__(self) -> str:
        return f"GỠ-{self.pk}: {self.title}"

    @property
    def appeal_due_at(self):
        from .limits import APPEAL_DECIDE_WORKING_DAYS, add_working_days

        return add_working_days(self.appealed_at, APPEAL_DECIDE_WORKING_DAYS) if self.appealed_at else None


class ComplaintStatus(models.TextChoices):
    RECEIVED = "received", _("Đã tiếp nhận")
    HANDLING = "handling", _("Đang xử lý")
    ANSWERED = "answered", _("Đã trả lời")
    CLOSED = "closed", _("Đã đóng")


class Complaint(models.Model):
    """A complaint sent through the complaints page, with its number (KN-2026-000123), status and
    time limits; the complainant follows it through a signed link."""

    number = models.CharField(_("Số khiếu nại"), max_length=20, unique=True, null=True, blank=True)
    name = models.CharField(_("Họ tên"), max_length=255, blank=True)
    email = models.EmailField(_("Email"), blank=True)
    text = models.TextField(_("Nội dung"))
    partner = models.ForeignKey(
        "partner.Partner", on_delete=models.PROTECT, null=True, blank=True, related_name="complaints"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    status = models.CharField(
        _("Trạng thái"), max_length=16, choices=ComplaintStatus.choices, default=ComplaintStatus.RECEIVED
    )
    answer = models.TextField(_("Trả lời"), max_length=5000, blank=True)
    received_at = models.DateTimeField(_("Tiếp nhận lúc"), auto_now_add=True, db_index=True)
    acknowledged_at = models.DateTimeField(_("Xác nhận lúc"), null=True, blank=True)
    answered_at = models.DateTimeField(_("Trả lời lúc"), null=True, blank=True)
    closed_at = models.DateTimeField(_("Đóng lúc"), null=True, blank=True)

    class Meta:
        ordering = ["received_at", "pk"]
        verbose_name = _("Khiếu nại")
        verbose_name_plural = _("Khiếu nại")

    def __str__(self) -> str:
        return self.number or f"KN-{self.pk}"

    @property
    def acknowledge_due_at(self):
        from .limits import COMPLAINT_ACKNOWLEDGE

        return self.received_at + COMPLAINT_ACKNOWLEDGE

    @property
    def answer_due_at(self):
        from .limits import COMPLAINT_ANSWER_WORKING_DAYS, add_working_days

        return add_working_days(self.received_at, COMPLAINT_ANSWER_WORKING_DAYS)


class EventKind(models.TextChoices):
    REPORT_RECEIVED = "report_received", _("Nhận báo cáo vi phạm")
    REPORT_DISMISSED = "report_dismissed", _("Báo cáo được xem xét: không vi phạm")
    TAKEN_DOWN = "taken_down", _("Gỡ nội dung")
    APPEALED = "appealed", _("Hợp tác xã kháng nghị")
    LIFTED = "lifted", _("Chấp nhận kháng nghị, khôi phục nội dung")
    UPHELD = "upheld", _("Giữ nguyên quyết định gỡ")
    COMPLAINT_RECEIVED = "complaint_received", _("Tiếp nhận khiếu nại")
    COMPLAINT_HANDLING = "complaint_handling", _("Bắt đầu xử lý khiếu nại")
    COMPLAINT_ANSWERED = "complaint_answered", _("Trả lời khiếu nại")
    COMPLAINT_CLOSED = "complaint_closed", _("Đóng khiếu nại")


class Event(AppendOnly):
    """One step in the history of a report, a takedown or a complaint (append-only)."""

    kind = models.CharField(max_length=24, choices=EventKind.choices)
    report = models.ForeignKey(Report, on_delete=models.PROTECT, null=True, blank=True, related_name="events")
    takedown = models.ForeignKey(
        Takedown, on_delete=models.PROTECT, null=True, blank=True, related_name="events"
    )
    complaint = models.ForeignKey(
        Complaint, on_delete=models.PROTECT, null=True, blank=True, related_name="events"
    )
    note = models.TextField(max_length=5000, blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.kind} {self.created_at:%Y-%m-%d %H:%M}"


class AuthorityExport(AppendOnly):
    """An export of a seller's identification and sales handed to an authority: who made it, when,
    for which cooperative and period (append-only)."""

    partner = models.ForeignKey("partner.Partner", on_delete=models.PROTECT, related_name="+")
    period_start = models.DateField(_("Từ ngày"))
    period_end = models.DateField(_("Đến ngày"))
    requested_by = models.CharField(_("Cơ quan yêu cầu"), max_length=255)
    made_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    made_at = models.DateTimeField(_("Lúc"), auto_now_add=True)

    class Meta:
        ordering = ["-made_at", "-pk"]
        verbose_name = _("Trích xuất cho cơ quan chức năng")
        verbose_name_plural = _("Trích xuất cho cơ quan chức năng")
        permissions = [("export_for_authorities", _("Trích xuất dữ liệu người bán cho cơ quan chức năng"))]

    def __str__(self) -> str:
        return f"{self.partner_id} {self.period_start}–{self.period_end}"
