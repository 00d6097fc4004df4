"""/geo/communes/?province=37: the communes of a province as JSON, for the commune select."""

from django.http import JsonResponse
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from .provinces import find_province

# The list changes only when the vietnam-provinces package is updated (a deployment).
MAX_AGE = 24 * 60 * 60


@require_safe
def communes(request):
    """[{"code": "14464", "name": "Xã Gia Viễn"}, …] in Vietnamese alphabetical order; the province
    is given by its code (or its name); 404 with an error message if it is unknown."""
    province = find_province(request.GET.get("province", ""))
    if province is None:
        return JsonResponse({"error": _("Không tìm thấy tỉnh/thành phố này.")}, status=404)
    data = [{"code": commune.code, "name": commune.name} for commune in province.communes]
    response = JsonResponse(data, safe=False, json_dumps_params={"ensure_ascii": False})
    patch_cache_control(response, public=True, max_age=MAX_AGE)
    return response
