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
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from cms import urls as cms_urls
from cms import views as cms_views
from marketplace.users import views as user_views

urlpatterns = [
    path("i18n/", include("django.conf.urls.i18n")),
    path("django-admin/", admin.site.urls),
    path("cms-admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    # Cooperatives (issue #3): seller centre, storefronts, and the alliance's review screens,
    # which sit under /dashboard/ (so the staff-only middleware guards them) before Oscar's include.
    path("seller/", include("marketplace.seller.urls")),
    path("cooperatives/", include("marketplace.storefronts.urls")),
    path("dashboard/applications/", include("marketplace.seller.alliance_urls")),
    # Two-level addresses: a province's communes as JSON for the commune select (issues #3, #4).
    path("geo/", include("marketplace.geo.urls")),
    # Checkout, orders and payments (issue #4): card payment page, Stripe webhook, order lookup.
    path("payments/", include("payments.urls")),
    path("orders/", include("marketplace.order.urls")),
    # After signing in without `next`: dashboard, seller centre or home, by who signed in.
    path("accounts/welcome/", user_views.after_sign_in, name="after-sign-in"),
    # Saved products ("Yêu thích") under the account, before Oscar's own wish-list screens.
    path("accounts/wishlists/", include("marketplace.wishlists.urls")),
    # Content (issue #6): sitemap and robots.txt.
    path("sitemap.xml", cms_views.sitemap, name="sitemap"),
    path("robots.txt", cms_views.robots_txt, name="robots_txt"),
    # Oscar's templates and emails link to "home": it is Wagtail's root page (in the visitor's language).
    path("", cms_views.serve_page, {"path": ""}, name="home"),
    path("", include(apps.get_app_config("oscar").urls[0])),
]

if settings.SERVE_MEDIA:
    urlpatterns += [
        re_path(r"^media/(?P<path>.*)$", serve_static, {"document_root": settings.MEDIA_ROOT}),
    ]

# Wagtail's catch-all, last: Vietnamese pages unprefixed, English pages under /en/ (cms/urls.py).
urlpatterns += cms_urls.urlpatterns
