"""/seller/shipping/: the cooperative's delivery settings, with the sentence buyers will read."""

from types import SimpleNamespace

from django.contrib import messages
from django.http import JsonResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views import View

from marketplace.delivery.selectors import settings_of
from marketplace.delivery.services import shipping_settings_save
from marketplace.delivery.summary import shipping_summary
from marketplace.geo import find_province

from .shipping_forms import ALL, SOME, ShippingForm
from .views import SellerFormView, SellerMixin


def _initial(partner) -> dict:
    settings = settings_of(partner)
    codes = [getattr(find_province(name), "code", name) for name in settings.provinces or []]
    return {
        "delivers": settings.delivers,
        "flat_fee": int(settings.flat_fee or 0),
        "free_above": int(settings.free_above) if settings.free_above else None,
        "coverage": SOME if codes else ALL,
        "provinces": codes,
        "pickup": settings.pickup,
        "pickup_address": settings.pickup_address,
        "pickup_hours": settings.pickup_hours,
    }


class ShippingSettingsView(SellerFormView):
    template_name = "seller/shipping.html"
    section = "shipping"
    form_class = ShippingForm

    def get_initial(self):
        initial = _initial(self.scope.partner)
        initial["local_products"] = self.scope.products().filter(local_only=True)
        return initial

    def get_context_data(self, **kwargs):
        partner = self.scope.partner
        return super().get_context_data(sentence=shipping_summary(settings_of(partner), partner), **kwargs)

    def save(self, form):
        shipping_settings_save(
            partner=self.scope.partner,
            local_products=form.cleaned_data["local_products"],
            **form.settings_values(),
        )
        messages.success(self.request, _("Đã lưu cách giao hàng."))
        return redirect("seller:shipping")


class ShippingPreviewView(SellerMixin, View):
    """GET with the form's fields: the sentence those settings would show (nothing is saved)."""

    def get(self, request):
        partner = self.scope.partner
        form = ShippingForm(request.GET, scope=self.scope)
        form.is_valid()
        form.cleaned_data.setdefault("coverage", ALL)
        values = form.settings_values()
        if not values["delivers"] and not values["pickup"]:
            sentence = _("Khách chưa thể mua: hãy chọn giao hàng tận nơi hoặc nhận tại chỗ.")
        else:
            sentence = shipping_summary(SimpleNamespace(**values), partner)
        return JsonResponse({"sentence": sentence})
