"""/cooperatives/ and /cooperatives/<slug>/: public storefronts of approved cooperatives."""

from django.views.generic import TemplateView

from marketplace.core.params import text_param
from marketplace.partner.models import Area

from . import selectors


class CooperativeListView(TemplateView):
    template_name = "cooperatives/list.html"

    def get_context_data(self, **kwargs):
        params = self.request.GET
        area = params.get("area", "") if params.get("area") in Area.values else ""
        stars = params.get("stars", "")
        stars = int(stars) if stars in {"3", "4", "5"} else None
        filters = {"area": area, "commune": text_param(self.request, "commune"), "stars": stars}
        filters["group"] = text_param(self.request, "group")
        return super().get_context_data(
            cooperatives=selectors.cooperative_list(**filters),
            filters=filters,
            areas=Area.choices,
            communes=selectors.communes(),
            groups=selectors.product_groups(),
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
