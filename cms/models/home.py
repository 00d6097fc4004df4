from typing import Any

from django.db import models
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField

from cms.home_blocks import HomePageBlocks
from marketplace.catalogue.selectors import on_sale_products

from .base import SeoPage
from .previews import PhonePreview


class HomePage(PhonePreview, SeoPage):
    """The site root, composed by editors from blocks. Without blocks it shows a hero and new products."""

    hero_title = models.CharField(_("Tiêu đề lớn"), max_length=255, blank=True)
    hero_text = models.TextField(_("Lời giới thiệu"), blank=True)
    body = StreamField(HomePageBlocks(), verbose_name=_("Nội dung"), blank=True)

    content_panels = SeoPage.content_panels + [
        FieldPanel("hero_title"),
        FieldPanel("hero_text"),
        FieldPanel("body"),
    ]
    template = "cms/home_page.html"
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "cms.StoryIndexPage",
        "cms.CampaignPage",
        "cms.PollPage",
        "cms.LegalPage",
        "cms.ComplaintsPage",
    ]

    class Meta:
        verbose_name = _("Trang chủ")

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        ctx: dict[str, Any] = super().get_context(request, *args, **kwargs)
        if not self.body:
            ctx["latest_products"] = on_sale_products().order_by("-date_created", "-pk")[:8]
        return ctx
