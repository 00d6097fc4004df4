"""The pages the law expects on a trading floor, and the complaints form that reaches alliance staff."""

from typing import Any

from django.db import models
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.models import AbstractEmailForm, AbstractFormField
from wagtail.fields import RichTextField

from .base import SeoPage
from .previews import PhonePreview


class LegalKind(models.TextChoices):
    REGULATIONS = "regulations", _("Quy chế hoạt động")
    PRIVACY = "privacy", _("Chính sách bảo mật")
    RETURNS = "returns", _("Đổi trả và hoàn tiền")
    SHIPPING = "shipping", _("Vận chuyển và giao nhận")
    PAYMENT = "payment", _("Phương thức thanh toán")


class LegalPage(PhonePreview, SeoPage):
    kind = models.CharField(_("Loại trang"), max_length=16, choices=LegalKind.choices)
    updated_on = models.DateField(_("Ngày cập nhật"), null=True, blank=True)
    body = RichTextField(_("Nội dung"))

    content_panels = SeoPage.content_panels + [
        FieldPanel("kind"),
        FieldPanel("updated_on"),
        FieldPanel("body"),
    ]
    template = "cms/legal_page.html"
    parent_page_types = ["cms.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("Trang chính sách")


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
