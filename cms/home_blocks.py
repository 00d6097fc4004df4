"""StreamField blocks of the home page: hero, featured products and cooperatives, latest stories,
the OCOP explainer, a campaign banner, text.

Product and cooperative blocks store ids only; what they show is read at request time, and items no
longer on sale are skipped."""

from typing import Any

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock

from marketplace.catalogue.selectors import on_sale_in_order
from marketplace.partner.selectors import approved_in_order

from .choosers import CooperativeChooserBlock, ProductChooserBlock
from .selectors import latest_stories
from .validators import validate_link_url


class HeroBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Tiêu đề"), max_length=120)
    text = blocks.TextBlock(label=_("Lời giới thiệu"), required=False)
    image = ImageChooserBlock(label=_("Ảnh nền"), required=False)
    cta_label = blocks.CharBlock(label=_("Nút bấm"), max_length=40, required=False)
    cta_url = blocks.CharBlock(
        label=_("Đường dẫn của nút"),
        required=False,
        help_text=_("Ví dụ /catalogue/"),
        validators=[validate_link_url],
    )

    class Meta:
        icon = "pick"
        label = _("Ảnh lớn và lời mời")
        template = "cms/blocks/hero.html"


class FeaturedProductsBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Tiêu đề"), max_length=120)
    products = blocks.ListBlock(ProductChooserBlock(label=_("Sản phẩm")), label=_("Sản phẩm"))

    class Meta:
        icon = "tag"
        label = _("Sản phẩm nổi bật")
        template = "cms/blocks/featured_products.html"

    def get_context(self, value: Any, parent_context: dict[str, Any] | None = None) -> dict[str, Any]:
        context: dict[str, Any] = super().get_context(value, parent_context)
        context["products"] = on_sale_in_order([p.pk for p in value["products"] if p])
        return context


class FeaturedCooperativesBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Tiêu đề"), max_length=120)
    cooperatives = blocks.ListBlock(CooperativeChooserBlock(label=_("Hợp tác xã")), label=_("Hợp tác xã"))

    class Meta:
        icon = "group"
        label = _("Hợp tác xã tiêu biểu")
        template = "cms/blocks/featured_cooperatives.html"

    def get_context(self, value: Any, parent_context: dict[str, Any] | None = None) -> dict[str, Any]:
        context: dict[str, Any] = super().get_context(value, parent_context)
        context["cooperatives"] = approved_in_order([c.pk for c in value["cooperatives"] if c])
        return context


class LatestStoriesBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Tiêu đề"), max_length=120)
    count = blocks.IntegerBlock(label=_("Số câu chuyện"), default=3, min_value=1, max_value=12)

    class Meta:
        icon = "doc-full"
        label = _("Câu chuyện mới nhất")
        template = "cms/blocks/latest_stories.html"

    def get_context(self, value: Any, parent_context: dict[str, Any] | None = None) -> dict[str, Any]:
        context: dict[str, Any] = super().get_context(value, parent_context)
        context["stories"] = latest_stories(limit=value["count"])
        return context


class OcopExplainerBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Tiêu đề"), max_length=120)
    intro = blocks.TextBlock(label=_("Giới thiệu"), required=False)
    three_stars = blocks.TextBlock(label=_("3 sao"))
    four_stars = blocks.TextBlock(label=_("4 sao"))
    five_stars = blocks.TextBlock(label=_("5 sao"))

    class Meta:
        icon = "help"
        label = _("Giải thích OCOP")
        template = "cms/blocks/ocop_explainer.html"


class CampaignBannerBlock(blocks.StructBlock):
    campaign = blocks.PageChooserBlock(label=_("Chiến dịch"), page_type="cms.CampaignPage")
    text = blocks.TextBlock(label=_("Lời mời"), required=False)
    image = ImageChooserBlock(label=_("Ảnh"), required=False)

    class Meta:
        icon = "pick"
        label = _("Băng rôn chiến dịch")
        template = "cms/blocks/campaign_banner.html"


class HomePageBlocks(blocks.StreamBlock):
    hero = HeroBlock()
    featured_products = FeaturedProductsBlock()
    featured_cooperatives = FeaturedCooperativesBlock()
    latest_stories = LatestStoriesBlock()
    ocop_explainer = OcopExplainerBlock()
    campaign_banner = CampaignBannerBlock()
    text = blocks.RichTextBlock(label=_("Đoạn văn"), icon="pilcrow")
