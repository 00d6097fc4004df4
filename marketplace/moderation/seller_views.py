"""The seller centre's takedowns (/seller/takedowns/): what alliance staff took down of this
cooperative's, why, and its appeal. Another cooperative's takedown is a 404."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.generic import ListView, TemplateView

from marketplace.seller.views import SellerMixin

from . import selectors, services
from .forms import AppealForm


class TakedownListView(SellerMixin, ListView):
    template_name = "moderation/seller_list.html"
    section = "takedowns"
    context_object_name = "takedowns"
    paginate_by = 30

    def get_queryset(self):
        return selectors.takedowns_of_partner(self.scope.partner)


class TakedownDetailView(SellerMixin, TemplateView):
    template_name = "moderation/seller_detail.html"
    section = "takedowns"

    def get_object(self):
        found = selectors.takedown_of_partner(self.scope.partner, self.kwargs["pk"])
        if found is None:
            raise Http404
        return found

    def get_context_data(self, **kwargs):
        kwargs.setdefault("form", AppealForm())
        return super().get_context_data(takedown=self.object, **kwargs)

    def post(self, request, pk):
        form = AppealForm(request.POST)
        if form.is_valid():
            try:
                services.takedown_appeal(
                    takedown=self.object, by=request.user, message=form.cleaned_data["message"]
                )
            except ValidationError as error:
                form.add_error("message", error)
            else:
                messages.success(request, _("Đã gửi kháng nghị; Liên minh HTX sẽ trả lời qua email."))
                return redirect("seller:takedown", pk=pk)
        return self.render_to_response(self.get_context_data(form=form), status=400)
