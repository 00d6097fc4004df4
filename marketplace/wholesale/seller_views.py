"""The seller centre's wholesale pages: a product's tiers and minimum, and the quotes buyers ask
for (each looked up in the signed-in person's cooperative only)."""

from datetime import timedelta

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from marketplace.seller.views import SellerFormView, SellerMixin

from . import selectors, services
from .exceptions import WholesaleRefused
from .forms import QuoteAnswerForm, TermsForm
from .models import QuoteStatus


class WholesaleTermsView(SellerFormView):
    template_name = "wholesale/seller_terms.html"
    section = "products"
    form_class = TermsForm

    def get_object(self):
        return self.scope.get_product(self.kwargs["pk"])

    def get_initial(self):
        terms = getattr(self.object, "wholesale_terms", None)
        initial = {"min_order_quantity": terms.min_order_quantity if terms else 1}
        for index, (quantity, price) in enumerate(
            selectors.tiers_for([self.object.pk]).get(self.object.pk, []), 1
        ):
            initial[f"tier_{index}_quantity"] = quantity
            initial[f"tier_{index}_price"] = price
        return initial

    def get_context_data(self, **kwargs):
        record = self.scope.stockrecord(self.object)
        return super().get_context_data(product=self.object, base_price=int(record.price or 0), **kwargs)

    def save(self, form):
        record = self.scope.stockrecord(self.object)
        try:
            services.wholesale_terms_save(
                product=self.object,
                base_price=int(record.price or 0),
                min_order_quantity=form.cleaned_data["min_order_quantity"],
                tiers=form.cleaned_data["tiers"],
            )
        except WholesaleRefused as error:
            form.add_error(None, str(error))
            return self.render_to_response(self.get_context_data(form=form), status=400)
        messages.success(self.request, _("Đã lưu giá sỉ của “%(title)s”.") % {"title": self.object.title})
        return redirect("seller:product-wholesale", pk=self.object.pk)


class QuoteListView(SellerMixin, TemplateView):
    template_name = "wholesale/seller_quotes.html"
    section = "quotes"

    def get_context_data(self, **kwargs):
        quotes = list(selectors.quotes_of_partner(self.scope.partner)[:200])
        today = timezone.localdate()
        for quote in quotes:
            quote.state = selectors.quote_state(quote, today)
        return super().get_context_data(quotes=quotes, **kwargs)


class QuoteDetailView(SellerFormView):
    template_name = "wholesale/seller_quote.html"
    section = "quotes"
    form_class = QuoteAnswerForm

    def get_object(self):
        return get_object_or_404(selectors.quotes_of_partner(self.scope.partner), pk=self.kwargs["pk"])

    def get_initial(self):
        record = self.scope.stockrecord(self.object.product)
        return {"unit_price": int(record.price or 0), "valid_until": timezone.localdate() + timedelta(days=7)}

    def get_context_data(self, **kwargs):
        quote = self.object
        return super().get_context_data(
            quote=quote,
            state=selectors.quote_state(quote),
            is_open=quote.status == QuoteStatus.REQUESTED,
            **kwargs,
        )

    def save(self, form):
        data = form.cleaned_data
        try:
            if data["action"] == "decline":
                services.quote_decline(
                    quote_id=self.object.pk, note=data.get("note") or "", author=self.request.user
                )
                messages.success(self.request, _("Đã báo khách là chưa thể báo giá."))
            else:
                services.quote_answer(
                    quote_id=self.object.pk,
                    unit_price=data["unit_price"],
                    valid_until=data["valid_until"],
                    note=data.get("note") or "",
                    author=self.request.user,
                )
                messages.success(self.request, _("Đã gửi báo giá cho khách."))
        except WholesaleRefused as error:
            form.add_error(None, str(error))
            return self.render_to_response(self.get_context_data(form=form), status=400)
        return redirect("seller:quote-detail", pk=self.object.pk)
