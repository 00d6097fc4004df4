"""The pages the law expects on a trading floor, and the complaints form that reaches alliance staff."""

import datetime
from typing import Any

from django.db import models
from django.http import Http404, HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.models import AbstractEmailForm, AbstractFormField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField

from cms import legal_versions
from marketplace.legal import selectors as legal_selectors
from marketplace.legal.models import Kind as LegalKind

from .base import SeoPage

NOTICE_DAYS = 5  # an amendment of the operating regulations is announced this many days ahead


class LegalPageForm(WagtailAdminPageForm):
    """A changed text is a new version: it needs an effective date that is not in the past, not before
    the version it follows, and, for the operating regulations, announced ahead (docs/legal.md)."""

    def clean(self) -> dict[str, Any]:
        data: dict[str, Any] = super().clean()
        page = self.instance
        effective = data.get("effective_from")
        if effective is None:
            self.add_error("effective_from", _("Hãy nhập ngày văn bản có hiệu lực."))
            return data
        if not legal_versions.is_binding(page):
            return data
        kind = data.get("kind") or page.kind
        latest = legal_selectors.version_latest(kind)
        if latest is None or (latest.body == data.get("body") and latest.effective_from == effective):
            return data
        today = timezone.localdate()
        earliest = today + datetime.timedelta(days=NOTICE_DAYS) if kind == LegalKind.REGULATIONS else today
        earliest = max(earliest, latest.effective_from)
        if effective < earliest:
            self.add_error(
                "effective_from",
                _(
                    "Nội dung đã thay đổi nên đây là phiên bản %(number)s: ngày có hiệu lực phải từ "
                    "%(earliest)s trở đi (không sớm hơn phiên bản đang có; Quy chế hoạt động phải công bố "
                    "trước ít nhất %(days)s ngày)."
                )
                % {
                    "number": latest.number + 1,
                    "earliest": earliest.strftime("%d/%m/%Y"),
                    "days": NOTICE_DAYS,
                },
            )
        return data


class LegalPage(RoutablePageMixin, SeoPage):
    """A policy page. What readers see is the version in force (marketplace/legal), frozen from the
    publication that made it; every version stays readable at phien-ban/<n>/."""

    kind = models.CharField(_("Loại trang"), max_length=16, choices=LegalKind.choices)
    effective_from = models.DateField(
        _("Có hiệu lực từ ngày"),
        null=True,
        blank=True,
        help_text=_(
            "Khi xuất bản nội dung đã thay đổi, một phiên bản mới được lưu và có hiệu lực từ ngày này; "
            "phiên bản cũ vẫn đọc được."
        ),
    )
    changes = models.TextField(
        _("Những điểm thay đổi so với phiên bản trước"),
        blank=True,
        help_text=_("Vài dòng ngắn; người dùng đọc chúng khi được mời đồng ý phiên bản mới."),
    )
    body = RichTextField(_("Nội dung"))

    content_panels = SeoPage.content_panels + [
        FieldPanel("kind"),
        FieldRowPanel([FieldPanel("effective_from")]),
        FieldPanel("changes"),
        FieldPanel("body"),
    ]
    base_form_class = LegalPageForm
    template = "cms/legal_page.html"
    parent_page_types = ["cms.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("Trang chính sách")

    @path("")
    def current(self, request: HttpRequest) -> HttpResponse:
        if getattr(request, "is_preview", False):  # an editor's draft: its own text and date
            return self.render(request, context_overrides={"preview": True})
        periods = legal_selectors.history(self.kind)
        shown = next((p for p in periods if p.state == "in_force"), None)
        upcoming = next((p for p in reversed(periods) if p.state == "upcoming"), None)
        binding = legal_versions.is_binding(self)
        context = {"shown": shown, "upcoming": upcoming, "periods": periods, "binding": binding}
        return self.render(request, context_overrides=context)

    @path("phien-ban/<int:number>/", name="version")
    def version(self, request: HttpRequest, number: int) -> HttpResponse:
        periods = legal_selectors.history(self.kind)
        shown = next((p for p in periods if p.version.number == number), None)
        if shown is None:
            raise Http404
        context = {"shown": shown, "periods": periods, "is_version_page": True}
        return self.render(request, context_overrides=context, template="cms/legal_version.html")


class ComplaintField(AbstractFormField):
    page = ParentalKey("cms.ComplaintsPage", on_delete=models.CASCADE, related_name="form_fields")


class ComplaintsPage(AbstractEmailForm, SeoPage):
    intro = RichTextField(_("Giới thiệu"), blank=True)
    thank_you_text = RichTextField(_("Lời cảm ơn"), blank=True)

    content_panels = SeoPage.content_panels + [
        FieldPanel("intro"),
        InlinePanel("form_fields", label=_("Trường của biểu mẫu")),
        FieldPanel("thank_you_text"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("from_address"), FieldPanel("to_address")]),
                FieldPanel("subject"),
            ],
            heading=_("Gửi thư cho cán bộ Liên minh"),
        ),
    ]
    template = "cms/complaints_page.html"
    landing_page_template = "cms/complaints_page_landing.html"
    parent_page_types = ["cms.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("Trang khiếu nại")

    def serve(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        from marketplace.core.rate_limits import check_post_rate

        check_post_rate(request, group="complaint")
        return super().serve(request, *args, **kwargs)
