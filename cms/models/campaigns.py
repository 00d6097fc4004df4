"""Campaign landing pages (e.g. Tết gift baskets): a product grid chosen by hand or by a rule."""

from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField

from cms.choosers import cooperative_chooser, multiple_product_chooser
from cms.selectors import campaign_products

from .base import SeoPage


class Selection(models.TextChoices):
    HAND = "hand", _("Chọn tay")
    RULE = "rule", _("Theo điều kiện")


class CampaignPage(SeoPage):
    intro = RichTextField(_("Giới thiệu"), blank=True)
    banner = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("Ảnh băng rôn"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    selection = models.CharField(
        _("Cách chọn sản phẩm"), max_length=8, choices=Selection.choices, default=Selection.HAND
    )
    products = ParentalManyToManyField(
        "catalogue.Product", verbose_name=_("Sản phẩm chọn tay"), related_name="+", blank=True
    )
    rule_category = models.ForeignKey(
        "catalogue.Category",
        verbose_name=_("Danh mục"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    rule_min_stars = models.PositiveSmallIntegerField(
        _("OCOP từ"), null=True, blank=True, choices=[(3, "3★"), (4, "4★"), (5, "5★")]
    )
    rule_cooperative = models.ForeignKey(
        "partner.Partner",
        verbose_name=_("Hợp tác xã"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    rule_min_price = models.PositiveIntegerField(_("Giá từ (₫)"), null=True, blank=True)
    rule_max_price = models.PositiveIntegerField(_("Giá đến (₫)"), null=True, blank=True)
    limit = models.PositiveSmallIntegerField(_("Số sản phẩm tối đa"), default=24)

    content_panels = SeoPage.content_panels + [
        FieldPanel("intro"),
        FieldPanel("banner"),
        FieldPanel("selection"),
        FieldPanel("products", widget=multiple_product_chooser()),
        MultiFieldPanel(
            [
                FieldPanel("rule_category"),
                FieldPanel("rule_min_stars"),
                FieldPanel("rule_cooperative", widget=cooperative_chooser()),
                FieldRowPanel([FieldPanel("rule_min_price"), FieldPanel("rule_max_price")]),
            ],
            heading=_("Điều kiện (khi chọn theo điều kiện)"),
        ),
        FieldPanel("limit"),
    ]
    template = "cms/campaign_page.html"
    parent_page_types = ["cms.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("Trang chiến dịch")

    @property
    def is_hand_picked(self) -> bool:
        return bool(self.selection == Selection.HAND)

    def clean(self) -> None:
        super().clean()
        if self.rule_min_price and self.rule_max_price and self.rule_min_price > self.rule_max_price:
            raise ValidationError({"rule_max_price": _("Giá đến phải lớn hơn hoặc bằng giá từ.")})

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context: dict[str, Any] = super().get_context(request, *args, **kwargs)
        context["products"] = campaign_products(self)
        return context
