"""The header's basket count travels in a small cookie, not in the page.

Pages then look the same for every visitor in a language (they can be cached, and they cost no
basket queries); `chohtx/js/frame.js` writes the number from the cookie into the cart icon. The
cookie is rewritten on every response whose request loaded the basket (adding, changing or viewing
it, checking out, signing in or out). It holds a number only: nothing another visitor could use.
"""

from django.conf import settings
from django.contrib.auth.signals import user_logged_in, user_logged_out
from django.dispatch import receiver

COOKIE = "basket_items"
_RESET = "_chohtx_basket_count_reset"


class BasketCountCookieMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if getattr(request, _RESET, False) and hasattr(request, "basket"):
            request.basket.id  # noqa: B018 - loads (and merges) the new owner's basket
        basket = getattr(request, "_basket_cache", None)
        if basket is not None:
            count = str(basket.num_items if basket.id else 0)
            if request.COOKIES.get(COOKIE) != count:
                response.set_cookie(
                    COOKIE,
                    count,
                    max_age=settings.OSCAR_BASKET_COOKIE_LIFETIME,
                    secure=settings.OSCAR_BASKET_COOKIE_SECURE,
                    samesite="Lax",
                    httponly=False,  # read by frame.js
                )
        return response


@receiver(user_logged_in)
@receiver(user_logged_out)
def basket_owner_changed(sender, request, **kwargs):
    if request is not None:
        setattr(request, _RESET, True)
