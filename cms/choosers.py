"""Admin choosers for shop data: editors pick products and cooperatives, they never edit them.

Editors find them by typing, accents ignored (`com chay` finds *Cơm cháy*), through the shop's own
search (`search.selectors`); only what a buyer may see is offered: products on sale and approved
cooperatives. A product row shows its picture, lowest price and cooperative. The same viewsets
serve the story and home-page blocks and the pages' many-to-many fields (`MultipleChooser`)."""

from typing import TYPE_CHECKING, Any

from django import forms
from django.db.models import QuerySet
from django.template.loader import render_to_string
from django.utils.functional import cached_property
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.choosers import BaseFilterForm
from wagtail.admin.telepath import JSContext
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic.chooser import (
    ChooseResultsView,
    ChooseView,
    ChosenMultipleView,
    ChosenView,
)
from wagtail.admin.viewsets.chooser import ChooserViewSet
from wagtail.coreutils import resolve_model_string

from marketplace.catalogue.models import Product
from marketplace.catalogue.selectors import approved_stockrecord, on_sale, on_sale_products
from marketplace.core.money import format_vnd
from marketplace.partner.models import Partner
from search.query import SearchQuery
from search.selectors import cooperatives_matching, product_results

CHOOSER_RESULTS = 60  # a search shows at most this many matches, best first


class _TypedSearchForm(BaseFilterForm):
    """The chooser's search box; `matching(text)` is the shop's accent-insensitive search."""

    q = forms.CharField(label=_("Tìm"), required=False)

    def matching(self, text: str) -> list[Any]:
        raise NotImplementedError

    def filter(self, objects: Any) -> Any:
        text = (self.cleaned_data.get("q") or "").strip()
        if not text:
            return objects
        self.is_searching = True
        self.search_query = text
        return self.matching(text)


class ProductSearchForm(_TypedSearchForm):
    q = forms.CharField(
        label=_("Tìm sản phẩm"),
        required=False,
        widget=forms.TextInput(attrs={"placeholder": _("Gõ tên sản phẩm, ví dụ: com chay")}),
    )

    def matching(self, text: str) -> list[Product]:
        query = SearchQuery(text=text, limit=CHOOSER_RESULTS, facets=False)
        return list(product_results(query).products)


class CooperativeSearchForm(_TypedSearchForm):
    q = forms.CharField(
        label=_("Tìm hợp tác xã"),
        required=False,
        widget=forms.TextInput(attrs={"placeholder": _("Gõ tên hoặc xã/phường, ví dụ: kim son")}),
    )

    def matching(self, text: str) -> list[Partner]:
        return cooperatives_matching(text, limit=CHOOSER_RESULTS)


class ThumbnailColumn(Column):
    cell_template_name = "cms/admin/chooser_thumbnail_cell.html"


def _picture(product: Product) -> Any:
    images = list(product.images.all())
    return images[0].original if images else None


def _cooperative_name(product: Product) -> str:
    record = approved_stockrecord(product)
    return record.partner.name if record else ""


class _ProductListing:
    """What the product chooser lists and how each row looks."""

    def get_object_list(self) -> QuerySet[Product]:
        return on_sale_products().order_by("title", "pk")

    def get_filter_form_class(self) -> type[BaseFilterForm]:
        return ProductSearchForm

    @property
    def columns(self) -> list[Column]:
        return [
            ThumbnailColumn("picture", label=_("Ảnh"), accessor=_picture, width="1%"),
            self.title_column,  # type: ignore[attr-defined]
            Column("price", label=_("Giá"), accessor=lambda p: format_vnd(p.min_price)),
            Column("cooperative", label=_("Hợp tác xã"), accessor=_cooperative_name),
        ]


class _CooperativeListing:
    def get_object_list(self) -> QuerySet[Partner]:
        cooperatives: QuerySet[Partner] = Partner.objects.approved().order_by("name", "pk")
        return cooperatives

    def get_filter_form_class(self) -> type[BaseFilterForm]:
        return CooperativeSearchForm

    @property
    def columns(self) -> list[Column]:
        return [
            self.title_column,  # type: ignore[attr-defined]
            Column("commune", label=_("Xã/phường"), accessor="commune"),
        ]


class ProductChooseView(_ProductListing, ChooseView):
    pass


class ProductChooseResultsView(_ProductListing, ChooseResultsView):
    pass


class ProductChosenView(ChosenView):
    def get_object(self, pk: Any) -> Product:
        if not str(pk).isdigit():
            raise Product.DoesNotExist
        product: Product = on_sale().get(pk=pk)
        return product


class ProductChosenMultipleView(ChosenMultipleView):
    def get_objects(self, pks: list[str]) -> QuerySet[Product]:
        return on_sale().filter(pk__in=[pk for pk in pks if pk.isdigit()])


class CooperativeChooseView(_CooperativeListing, ChooseView):
    pass


class CooperativeChooseResultsView(_CooperativeListing, ChooseResultsView):
    pass


class CooperativeChosenView(ChosenView):
    def get_object(self, pk: Any) -> Partner:
        if not str(pk).isdigit():
            raise Partner.DoesNotExist
        partner: Partner = Partner.objects.approved().get(pk=pk)
        return partner


class CooperativeChosenMultipleView(ChosenMultipleView):
    def get_objects(self, pks: list[str]) -> QuerySet[Partner]:
        return Partner.objects.approved().filter(pk__in=[pk for pk in pks if pk.isdigit()])


class ProductChooserViewSet(ChooserViewSet):
    model = "catalogue.Product"
    icon = "tag"
    choose_one_text = _("Chọn sản phẩm")
    choose_another_text = _("Chọn sản phẩm khác")
    page_title = _("Chọn sản phẩm")
    edit_item_text = _("Xem")
    per_page = 30
    choose_view_class = ProductChooseView
    choose_results_view_class = ProductChooseResultsView
    chosen_view_class = ProductChosenView
    chosen_multiple_view_class = ProductChosenMultipleView


class CooperativeChooserViewSet(ChooserViewSet):
    model = "partner.Partner"
    icon = "group"
    choose_one_text = _("Chọn hợp tác xã")
    choose_another_text = _("Chọn hợp tác xã khác")
    page_title = _("Chọn hợp tác xã")
    per_page = 30
    choose_view_class = CooperativeChooseView
    choose_results_view_class = CooperativeChooseResultsView
    chosen_view_class = CooperativeChosenView
    chosen_multiple_view_class = CooperativeChosenMultipleView


product_chooser_viewset = ProductChooserViewSet("product_chooser")
cooperative_chooser_viewset = CooperativeChooserViewSet("cooperative_chooser")


class MultipleChooser(forms.Widget):
    """A many-to-many field as a list of chosen items with "remove" buttons and one button that opens
    the viewset's chooser to tick several at once (`cms/admin/multiple_chooser.js`). Posts the ids
    under the field's name, like a multiple select, so forms and tests read it the same way."""

    template_name = "cms/admin/multiple_chooser.html"

    def __init__(self, viewset: ChooserViewSet, *, add_text: Any, attrs: dict | None = None) -> None:
        super().__init__(attrs)
        self.viewset = viewset
        self.add_text = add_text

    def __deepcopy__(self, memo: dict) -> "MultipleChooser":
        copy = super().__deepcopy__(memo)
        copy.viewset = self.viewset  # the viewset is shared, never copied
        return copy

    @cached_property
    def _js(self) -> tuple[JSContext, Any]:
        context = JSContext()
        return context, context.pack(self.viewset.widget_class())

    def format_value(self, value: Any) -> list[str]:  # type: ignore[override]  # ids, as SelectMultiple
        if not value:
            return []
        return [str(getattr(item, "pk", item)) for item in value]

    def value_from_datadict(self, data: Any, files: Any, name: str) -> list[str]:
        getter = getattr(data, "getlist", None)
        return list(getter(name)) if getter else list(data.get(name) or [])

    def value_omitted_from_data(self, data: Any, files: Any, name: str) -> bool:
        return False  # nothing posted means every item was removed

    def render(self, name: str, value: Any, attrs: dict | None = None, renderer: Any = None) -> SafeString:
        # the project's templates (themes/), which Django's default form renderer does not search
        return mark_safe(render_to_string(self.template_name, self.get_context(name, value, attrs)))

    def get_context(self, name: str, value: Any, attrs: dict | None) -> dict[str, Any]:
        context: dict[str, Any] = super().get_context(name, value, attrs)
        ids = [int(pk) for pk in context["widget"]["value"] if str(pk).isdigit()]
        model = resolve_model_string(self.viewset.model)
        found = {item.pk: item for item in model.objects.filter(pk__in=ids)}
        context["widget"]["chosen"] = [found[pk] for pk in ids if pk in found]
        context["widget"]["add_text"] = self.add_text
        context["widget"]["chooser_definition"] = self._js[1]
        return context

    @property
    def media(self) -> forms.Media:
        return self._js[0].media + forms.Media(js=["chohtx/admin/multiple_chooser.js"])


def multiple_product_chooser() -> MultipleChooser:
    return MultipleChooser(product_chooser_viewset, add_text=_("Thêm sản phẩm"))


def multiple_cooperative_chooser() -> MultipleChooser:
    return MultipleChooser(cooperative_chooser_viewset, add_text=_("Thêm hợp tác xã"))


def cooperative_chooser() -> forms.Widget:
    widget: forms.Widget = cooperative_chooser_viewset.widget_class()
    return widget


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
