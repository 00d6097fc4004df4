"""A reader poll: a Wagtail form page that takes one vote per visitor."""

from typing import Any

from django.db import IntegrityError, models, transaction
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.contrib.forms.models import AbstractForm, AbstractFormField, AbstractFormSubmission
from wagtail.fields import RichTextField

from cms.selectors import poll_results

from .base import SeoPage


class PollChoice(AbstractFormField):
    page = ParentalKey("cms.PollPage", on_delete=models.CASCADE, related_name="form_fields")


class PollVote(AbstractFormSubmission):
    """One row per visitor and poll; the unique constraint is the rule, the view only explains it."""

    visitor = models.CharField(_("Người bình chọn"), max_length=64)

    class Meta:
        verbose_name = _("Phiếu bình chọn")
        constraints = [models.UniqueConstraint(fields=["page", "visitor"], name="cms_one_vote_per_visitor")]


class PollPage(AbstractForm, SeoPage):
    intro = RichTextField(_("Câu hỏi và giới thiệu"), blank=True)
    thank_you_text = RichTextField(_("Lời cảm ơn"), blank=True)
    show_results_publicly = models.BooleanField(_("Cho người đã bình chọn xem kết quả"), default=True)

    content_panels = SeoPage.content_panels + [
        FieldPanel("intro"),
        InlinePanel("form_fields", label=_("Câu hỏi")),
        FieldPanel("thank_you_text"),
        FieldPanel("show_results_publicly"),
    ]
    template = "cms/poll_page.html"
    landing_page_template = "cms/poll_page_landing.html"
    parent_page_types = ["cms.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = pgettext_lazy("loại trang", "Bình chọn")

    def get_submission_class(self) -> type[Any]:
        return PollVote

    def serve(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        from cms import visitors
        from marketplace.core.rate_limits import check_post_rate

        check_post_rate(request, group="poll-vote")
        key, is_new = visitors.visitor_key(request)
        if PollVote.objects.filter(page=self, visitor=key).exists():
            response = self.render_results(request, already_voted=True)
        elif request.method == "POST":
            self._visitor = key
            try:
                with transaction.atomic():
                    response = super().serve(request, *args, **kwargs)
            except IntegrityError:  # a second tab voted first
                response = self.render_results(request, already_voted=True)
        else:
            response = super().serve(request, *args, **kwargs)
        if is_new:
            visitors.remember(response, key)
        return response

    def process_form_submission(self, form: Any) -> Any:
        return PollVote.objects.create(form_data=form.cleaned_data, page=self, visitor=self._visitor)

    def render_results(self, request: HttpRequest, *, already_voted: bool = False) -> HttpResponse:
        context = self.get_context(request)
        context["already_voted"] = already_voted
        return TemplateResponse(request, self.get_landing_page_template(request), context)

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context: dict[str, Any] = super().get_context(request, *args, **kwargs)
        if self.show_results_publicly:
            context["results"] = poll_results(self)
        return context
