"""Where people land after signing in when no `next` was given: alliance staff on the dashboard,
cooperative staff in the seller centre, buyers on the home page."""

from django.http import HttpRequest, HttpResponseRedirect
from django.shortcuts import redirect
from django.urls import reverse

from marketplace.seller.scope import cooperative_for


def landing_url_for(user) -> str:
    if not user.is_authenticated:
        return reverse("home")
    if user.is_staff:
        return reverse("dashboard:index")
    if cooperative_for(user) is not None:
        return reverse("seller:overview")
    return reverse("home")


def after_sign_in(request: HttpRequest) -> HttpResponseRedirect:
    return redirect(landing_url_for(request.user))
