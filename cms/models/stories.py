"""OCOP stories under /stories/: what a story says and which products and cooperatives it is about."""

from typing import Any

from django.core.paginator import Paginator
from django.db import models
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.search import index

from cms.blocks import StoryBlocks
from cms.choosers import multiple_cooperative_chooser, multiple_product_chooser
from marketplace.catalogue.selectors import on_sale_in_order
from marketplace.core.params import text_param
from marketplace.partner.selectors import approved_in_order

from .base import SeoPage

STORIES_PER_PAGE = 9


class StoryIndexPage(RoutablePageMixin, SeoPage):
    intro = models.TextField(_("Giới thiệu"), blank=True)

    content_panels = SeoPage.content_panels + [FieldPanel("intro")]
    template = "cms/story_index_page.html"
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.StoryPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("Danh sách câu chuyện")

    def stories(self) -> Any:
        return (
            StoryPage.objects.child_of(self)
            .live()
            .public()
            .select_related("cover_image")
            .order_by("-date", "-first_published_at", "-pk")
        )

    @path("")
    def index(self, request: HttpRequest) -> HttpResponse:
        published = self.stories()  # .public() asks for restrictions once: both uses share it
        stories = published
        tag = text_param(request, "tag")
        if tag:
            stories = stories.filter(tags__name=tag)
        page = Paginator(stories, STORIES_PER_PAGE).get_page(request.GET.get("page"))
        tags = StoryTag.objects.filter(content_object__in=published).values_list("tag__name", flat=True)
        context = {"stories": page, "tag": tag, "tags": sorted(set(tags))}
        return self.render(request, context_overrides=context)

    @path("rss/", name="rss")
    def rss(self, request: HttpRequest) -> HttpResponse:
        from cms.feeds import StoryFeed

        return StoryFeed(self)(request)


class StoryTag(TaggedItemBase):
    content_object = ParentalKey("cms.StoryPage", related_name="tagged_items", on_delete=models.CASCADE)


class StoryPage(SeoPage):
    date = models.DateField(_("Ngày đăng"), default=timezone.localdate)
    lead = models.TextField(
        _("Sa pô"), help_text=_("Một hai câu mở đầu, hiện trong danh sách và khi chia sẻ.")
    )
    cover_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("Ảnh bìa"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = StreamField(StoryBlocks(), verbose_name=_("Nội dung"), blank=True)
    tags = ClusterTaggableManager(_("Thẻ"), through=StoryTag, blank=True)
    products = ParentalManyToManyField(
        "catalogue.Product",
        verbose_name=_("Sản phẩm được nói đến"),
        related_name="stories",
        blank=True,
        help_text=_("Câu chuyện sẽ hiện trên trang của các sản phẩm này."),
    )
    cooperatives = ParentalManyToManyField(
        "partner.Partner",
        verbose_name=_("Hợp tác xã được nói đến"),
        related_name="stories",
        blank=True,
        help_text=_(
            "Câu chuyện sẽ hiện trên gian hàng của các hợp tác xã này (và của người bán các sản phẩm trên)."
        ),
    )

    content_panels = SeoPage.content_panels + [
        FieldPanel("date"),
        FieldPanel("lead"),
        FieldPanel("cover_image"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("products", widget=multiple_product_chooser()),
                FieldPanel("cooperatives", widget=multiple_cooperative_chooser()),
                FieldPanel("tags", help_text=_("Các thẻ, cách nhau bằng dấu phẩy.")),  # taggit's is English
            ],
            heading=_("Câu chuyện nói về"),
        ),
    ]
    search_fields = SeoPage.search_fields + [index.SearchField("lead"), index.SearchField("body")]
    template = "cms/story_page.html"
    parent_page_types = ["cms.StoryIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("Câu chuyện OCOP")
        verbose_name_plural = _("Câu chuyện OCOP")

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context: dict[str, Any] = super().get_context(request, *args, **kwargs)
        context["story_products"] = on_sale_in_order([p.pk for p in self.products.all()])
        context["story_cooperatives"] = approved_in_order([c.pk for c in self.cooperatives.all()])
        return context
