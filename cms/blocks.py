"""StreamField blocks of a story: text, pictures, quotes, videos, product and cooperative cards.

Product and cooperative blocks store ids only; what they show (price, stock, OCOP badge) is read at
request time, and items no longer on sale are skipped. The home page's blocks are in `home_blocks.py`.
"""

from typing import Any

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

from marketplace.catalogue.selectors import on_sale_in_order
from marketplace.partner.selectors import approved_in_order

from .choosers import CooperativeChooserBlock, ProductChooserBlock


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Ảnh"))
    caption = blocks.CharBlock(label=_("Chú thích"), required=False)

    class Meta:
        icon = "image"
        label = _("Ảnh")
        template = "cms/blocks/image.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Lời trích"))
    author = blocks.CharBlock(label=_("Người nói"), required=False)

    class Meta:
        icon = "openquote"
        label = _("Trích dẫn")
        template = "cms/blocks/quote.html"


class ProductCardBlock(ProductChooserBlock):
    class Meta:
        icon = "tag"
        label = _("Thẻ sản phẩm")
        template = "cms/blocks/product_card.html"

    def get_context(self, value: Any, parent_context: dict[str, Any] | None = None) -> dict[str, Any]:
        context: dict[str, Any] = super().get_context(value, parent_context)
        found = on_sale_in_order([value.pk]) if value else []
        context["product"] = found[0] if found else None
        return context


class CooperativeCardBlock(CooperativeChooserBlock):
    class Meta:
        icon = "group"
        label = _("Thẻ hợp tác xã")
        template = "cms/blocks/cooperative_card.html"

    def get_context(self, value: Any, parent_context: dict[str, Any] | None = None) -> dict[str, Any]:
        context: dict[str, Any] = super().get_context(value, parent_context)
        found = approved_in_order([value.pk]) if value else []
        context["cooperative"] = found[0] if found else None
        return context


class StoryBlocks(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(label=_("Đoạn văn"), icon="pilcrow")
    image = CaptionedImageBlock()
    quote = QuoteBlock()
    video = EmbedBlock(label=_("Video"), icon="media", help_text=_("Đường dẫn YouTube hoặc Vimeo"))
    product = ProductCardBlock()
    cooperative = CooperativeCardBlock()
