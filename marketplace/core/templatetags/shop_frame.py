"""Template tags of the shop's page frame and listings: icons, the categories menu, query links."""

from django import template
from django.http import HttpRequest, QueryDict
from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from oscar.core.loading import get_model

from marketplace.core import fragments

register = template.Library()

# The six OCOP groups (root categories by code): an icon of the sprite and a short name for the home tiles.
GROUP_TILES = {
    "I": ("bowl", _("Thực phẩm")),
    "II": ("cup", _("Đồ uống")),
    "III": ("leaf", _("Dược liệu")),
    "IV": ("palette", _("Thủ công mỹ nghệ")),
    "V": ("sprout", _("Sinh vật cảnh")),
    "VI": ("map", _("Du lịch")),
}


@register.simple_tag
def icon(name: str, size: str = "") -> str:
    """An icon of the sprite themes/static/chohtx/icons.svg; decorative (the control carries the words)."""
    css = "icon icon--sm" if size == "sm" else "icon"
    return format_html(
        '<svg class="{}" aria-hidden="true" focusable="false"><use href="{}#{}"></use></svg>',
        css,
        static("chohtx/icons.svg"),
        name,
    )


_MENU_ON_REQUEST = "_chohtx_category_menu"


@register.simple_tag(takes_context=True)
def category_menu(context: template.Context) -> list[dict]:
    """The OCOP groups and their subgroups for the header menu: from the cache (one query on a miss;
    a saved category bumps the "categories" version), computed once per request."""
    request: HttpRequest | None = context.get("request")
    cached = getattr(request, _MENU_ON_REQUEST, None)
    if cached is not None:
        return cached
    menu = fragments.cached("categories", ("menu",), _category_menu)
    if request is not None:
        setattr(request, _MENU_ON_REQUEST, menu)
    return menu


def _category_menu() -> list[dict]:
    Category = get_model("catalogue", "Category")
    menu: list[dict] = []
    for category in Category.objects.filter(depth__lte=2, is_public=True).order_by("path"):
        if category.depth == 1:
            url = category.get_absolute_url()
            icon_name, short = GROUP_TILES.get(category.code, ("package", category.name))
            menu.append(
                {"pk": category.pk, "name": category.name, "url": url, "slug": category.slug, "children": []}
            )
            menu[-1].update(icon=icon_name, short_name=str(short))
        elif menu:  # the parent's slug is known: no query per subgroup
            url = category._get_absolute_url(parent_slug=menu[-1]["slug"])
            menu[-1]["children"].append({"pk": category.pk, "name": category.name, "url": url})
    return menu


@register.simple_tag(takes_context=True)
def query_with(context: template.Context, **changes: str | None) -> str:
    """`?…` of the current page with some parameters replaced (None drops them) and the page number reset."""
    request: HttpRequest = context["request"]
    params: QueryDict = request.GET.copy()
    params.pop("page", None)
    for name, value in changes.items():
        params.pop(name, None)
        if value:  # neither None nor empty
            params[name] = value
    return "?" + params.urlencode() if params else "?"


@register.filter
def any_selected(facets: list) -> bool:
    """Whether one of these facet values is chosen (a folded list of values opens when it holds one)."""
    return any(getattr(facet, "selected", False) for facet in facets)
