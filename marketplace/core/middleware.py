"""Oscar's dashboard is for alliance staff only; cooperatives use /seller/."""

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.urls import reverse


class StaffOnlyDashboardMiddleware:
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
