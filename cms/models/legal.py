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


class LegalKind(models.TextChoices):
    REGULATIONS = "regulations", _("Quy chế hoạt động")
    PRIVACY = "privacy", _("Chính sách bảo mật")
    RETURNS = "returns", _("Đổi trả và hoàn tiền")
    SHIPPING = "shipping", _("Vận chuyển và giao nhận")
    PAYMENT = "payment", _("Phương thức thanh toán")


class LegalPage(SeoPage):
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

    def process_form_submission(self, form: Any) -> Any:
        """Wagtail keeps the submission (and emails staff); the complaint itself gets its number,
        status and time limits (marketplace/moderation), and the complainant a link to follow it."""
        from marketplace.moderation.services import complaint_receive

        submission = super().process_form_submission(form)
        data = form.cleaned_data
        email = name = ""
        for field in self.get_form_fields():
            value = data.get(field.clean_name) or ""
            if field.field_type == "email" and not email:
                email = str(value)
            elif "tên" in field.label.lower() and not name:
                name = str(value)
        submission.complaint = complaint_receive(
            text=self.render_email(form), name=name, email=email, user=getattr(form, "user", None)
        )
        return submission

    def render_landing_page(
        self, request: HttpRequest, form_submission: Any = None, *args: Any, **kwargs: Any
    ) -> HttpResponse:
        from marketplace.moderation.selectors import complaint_token

        response = super().render_landing_page(request, form_submission, *args, **kwargs)
        complaint = getattr(form_submission, "complaint", None)
        if complaint is not None and hasattr(response, "context_data"):
            response.context_data["complaint"] = complaint
            response.context_data["complaint_token"] = complaint_token(complaint)
        return response
