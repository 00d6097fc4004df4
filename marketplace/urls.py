"""The URL map (stable; see README):

/ Wagtail home · /catalogue/ /basket/ /checkout/ /accounts/ /search/ the shop ·
/dashboard/ alliance staff · /cms-admin/ Wagtail admin · /django-admin/ Django admin ·
Wagtail's catch-all last.
"""

from django.apps import apps
from django.conf import settings
from django.contrib import admin
from django.urls import include, path, re_path
from django.views.static import serve as serve_static
from wagtail import urls as wagtail_urls
from wagtail import views as wagtail_views
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

urlpatterns = [
    path("i18n/", include("django.conf.urls.i18n")),
    path("django-admin/", admin.site.urls),
    path("cms-admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    # Oscar's templates and emails link to "home": it is Wagtail's root page.
    path("", wagtail_views.serve, {"path": ""}, name="home"),
    path("", include(apps.get_app_config("oscar").urls[0])),
]

if settings.SERVE_MEDIA:
    urlpatterns += [
        re_path(r"^media/(?P<path>.*)$", serve_static, {"document_root": settings.MEDIA_ROOT}),
    ]

urlpatterns += [path("", include(wagtail_urls))]
