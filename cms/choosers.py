"""Admin choosers for shop data: editors pick products and cooperatives, they never edit them."""

from typing import TYPE_CHECKING

from django.utils.translation import gettext_lazy as _
from wagtail.admin.viewsets.chooser import ChooserViewSet


class ProductChooserViewSet(ChooserViewSet):
    model = "catalogue.Product"
    icon = "tag"
    choose_one_text = _("Chọn sản phẩm")
    choose_another_text = _("Chọn sản phẩm khác")
    edit_item_text = _("Xem")
    per_page = 30


class CooperativeChooserViewSet(ChooserViewSet):
    model = "partner.Partner"
    icon = "group"
    choose_one_text = _("Chọn hợp tác xã")
    choose_another_text = _("Chọn hợp tác xã khác")
    per_page = 30


product_chooser_viewset = ProductChooserViewSet("product_chooser")
cooperative_chooser_viewset = CooperativeChooserViewSet("cooperative_chooser")

if TYPE_CHECKING:  # classes made at start-up; to the type checker, Wagtail's (untyped) chooser block
    from wagtail.blocks import ChooserBlock as CooperativeChooserBlock
    from wagtail.blocks import ChooserBlock as ProductChooserBlock
else:
    ProductChooserBlock = product_chooser_viewset.get_block_class(
        name="ProductChooserBlock", module_path="cms.choosers"
    )
    CooperativeChooserBlock = cooperative_chooser_viewset.get_block_class(
        name="CooperativeChooserBlock", module_path="cms.choosers"
    )
