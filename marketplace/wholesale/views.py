"""The buyer's side of quotes (/wholesale/): ask for one from a product page, see one's quotes, put
an answered one in the basket. Signed-in buyers only; a quote is only ever its buyer's."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from marketplace.catalogue.models import Product
from marketplace.catalogue.selectors import is_on_sale
from marketplace.core.rate_limits import limit_posts

from . import selectors, services
from .exceptions import WholesaleRefused
from .forms import QuoteRequestForm


@limit_posts("message-send")
@require_POST
def quote_request(request, product):
    product = get_object_or_404(Product.objects.prefetch_related("stockrecords__partner"), pk=product)
    record = product.stockrecords.all()[0] if product.stockrecords.all() else None
    if record is None or not is_on_sale(product) or not record.partner.is_approved:
        raise Http404
    if not request.user.is_authenticated:
        return redirect_to_login(product.get_absolute_url() + "#quote")
    form = QuoteRequestForm(request.POST)
    if form.is_valid():
        try:
            quote = services.quote_request(
                product=product, partner=record.partner, buyer=request.user, **form.cleaned_data
            )
        except WholesaleRefused as error:
            form.add_error("quantity", str(error))
        else:
            messages.success(
                request,
                _("Đã gửi yêu cầu báo giá %(number)s. Hợp tác xã sẽ trả lời ở đây và trong tin nhắn.")
                % {"number": quote.number},
            )
            return redirect("wholesale:quotes")
    context = {"product": product, "form": form}
    return render(request, "wholesale/quote_request.html", context, status=400)


@login_required
def quotes(request):
    found = list(selectors.quotes_of_buyer(request.user)[:100])
    today = timezone.localdate()
    for quote in found:
        quote.state = selectors.quote_state(quote, today)
    return render(request, "wholesale/buyer_quotes.html", {"quotes": found})


@require_POST
@login_required
def quote_add(request, pk):
    quote = get_object_or_404(selectors.quotes_of_buyer(request.user), pk=pk)
    try:
        services.quote_to_basket(quote=quote, basket=request.basket, user=request.user)
    except WholesaleRefused as error:
        messages.error(request, str(error))
        return redirect("wholesale:quotes")
    messages.success(
        request,
        _("Đã thêm %(n)s × %(title)s vào giỏ theo báo giá %(number)s.")
        % {"n": quote.quantity, "title": quote.product.get_title(), "number": quote.number},
    )
    return redirect("basket:summary")
