"""/cooperatives/ and /cooperatives/<slug>/: public storefronts of approved cooperatives."""

from django.http import QueryDict
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from marketplace.core.params import text_param
from marketplace.partner.models import Area

from . import selectors


def _query_without(params: QueryDict, name: str) -> str:
    """The directory's address with one filter removed (the chip's × link)."""
    rest = params.copy()
    rest.pop(name, None)
    return "?" + rest.urlencode()


class CooperativeListView(TemplateView):
    template_name = "cooperatives/list.html"

    def get_context_data(self, **kwargs):
        params = self.request.GET
        area = params.get("area", "") if params.get("area") in Area.values else ""
        stars = params.get("stars", "")
        stars = int(stars) if stars in {"3", "4", "5"} else None
        filters = {"area": area, "commune": text_param(self.request, "commune"), "stars": stars}
        filters["group"] = text_param(self.request, "group")
        communes = selectors.communes()
        groups = selectors.product_groups()
        labels = {
            "area": dict(Area.choices).get(area, ""),
            "commune": dict(communes).get(filters["commune"], filters["commune"]),
            "stars": _("OCOP từ %(n)s★") % {"n": stars} if stars else "",
            "group": next((g.name for g in groups if g.code == filters["group"]), filters["group"]),
        }
        return super().get_context_data(
            cooperatives=selectors.cooperative_list(**filters),
            filters=filters,
            active_filters=[
                {"label": labels[name], "remove_url": _query_without(params, name)}
                for name in ("area", "commune", "stars", "group")
                if filters[name] and labels[name]
            ],
            areas=Area.choices,
            communes=communes,
            groups=groups,
            **kwargs,
        )


class CooperativeDetailView(TemplateView):
    template_name = "cooperatives/detail.html"

    def get_context_data(self, **kwargs):
        cooperative = selectors.cooperative_detail(slug=self.kwargs["slug"])
        products = list(selectors.cooperative_products(cooperative))
        certified = [product for product in products if product.valid_certificates]
        return super().get_context_data(
            cooperative=cooperative, products=products, certified=certified, **kwargs
        )
