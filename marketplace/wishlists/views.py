"""Saved products: the list under the account, and the heart's add and remove (POST only)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from marketplace.catalogue.models import Product

from . import selectors, services
from .receivers import PENDING_KEY


def _back(request: HttpRequest, fallback: str) -> str:
    target = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return fallback


@login_required
def wishlist(request: HttpRequest) -> HttpResponse:
    return render(request, "wishlists/list.html", {"products": selectors.saved_products(user=request.user)})


@require_POST
def wishlist_add(request: HttpRequest, product_pk: int) -> HttpResponse:
    product = get_object_or_404(Product.objects.browsable(), pk=product_pk)
    back = _back(request, product.get_absolute_url())
    if not request.user.is_authenticated:
        # Saved once the visitor has signed in (marketplace.wishlists.receivers), then back here.
        request.session[PENDING_KEY] = product.pk
        messages.info(request, _("Đăng nhập để lưu sản phẩm vào danh sách yêu thích của bạn."))
        return redirect_to_login(back)
    services.wishlist_product_add(user=request.user, product=product)
    messages.success(request, _("Đã lưu “%(title)s” vào Yêu thích.") % {"title": product.get_title()})
    return redirect(back)


@require_POST
@login_required
def wishlist_remove(request: HttpRequest, product_pk: int) -> HttpResponse:
    removed = services.wishlist_product_remove(user=request.user, product_id=product_pk)
    if removed:
        messages.success(request, _("Đã bỏ sản phẩm khỏi Yêu thích."))
    return redirect(_back(request, reverse("favourites:list")))
