"""A visitor who pressed the heart before signing in gets the product saved as soon as they sign in."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.models import AbstractBaseUser
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.http import HttpRequest
from django.utils.translation import gettext as _

from marketplace.catalogue.models import Product

from . import services

PENDING_KEY = "wishlist_pending_product"


@receiver(user_logged_in, dispatch_uid="wishlist_save_pending")
def save_pending_product(
    sender: Any, request: HttpRequest | None, user: AbstractBaseUser, **kwargs: Any
) -> None:
    if request is None or not hasattr(request, "session"):
        return
    product_pk = request.session.pop(PENDING_KEY, None)
    product = Product.objects.browsable().filter(pk=product_pk).first() if product_pk else None
    if product is not None:
        services.wishlist_product_add(user=user, product=product)
        messages.success(request, _("Đã lưu “%(title)s” vào Yêu thích.") % {"title": product.get_title()})
