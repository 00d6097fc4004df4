"""Wagtail pages. The home page is the site root."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page


class HomePage(Page):
    hero_title = models.CharField(_("Tiêu đề lớn"), max_length=255, blank=True)
    hero_text = models.TextField(_("Lời giới thiệu"), blank=True)
    body = RichTextField(_("Nội dung"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("hero_title"),
        FieldPanel("hero_text"),
        FieldPanel("body"),
    ]
    template = "cms/home_page.html"
    max_count = 1
    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = _("Trang chủ")

    def get_context(self, request, *args, **kwargs):
        from search.selectors import on_sale_products

        ctx = super().get_context(request, *args, **kwargs)
        ctx["latest_products"] = on_sale_products().order_by("-date_created", "-pk")[:8]
        return ctx
