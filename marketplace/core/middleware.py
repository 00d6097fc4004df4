"""Request-wide rules: who may enter the dashboard, and which language a page speaks."""

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import translation
from django.utils.cache import patch_vary_headers


class StaffOnlyDashboardMiddleware:
    """Oscar's dashboard is for alliance staff only; cooperatives use /seller/."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        dashboard = reverse("dashboard:index")
        if request.path.startswith(dashboard) and request.path != reverse("dashboard:login"):
            user = request.user
            if not user.is_authenticated:
                return redirect_to_login(request.get_full_path(), reverse("dashboard:login"))
            if not user.is_staff:
                raise PermissionDenied
        return self.get_response(request)


class VietnameseFirstLocaleMiddleware:
    """Vietnamese unless the visitor chose another language with the switcher.

    Unlike Django's LocaleMiddleware, the browser's Accept-Language is ignored:
    Chợ HTX is Vietnamese first, and English is a choice, not a guess.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        language = chosen if chosen in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        patch_vary_headers(response, ["Cookie"])
        return response
