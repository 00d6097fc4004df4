"""The URL map (stable; see README):

/ Wagtail home · /catalogue/ /basket/ /checkout/ /accounts/ /search/ the shop ·
/dashboard/ alliance staff · /cms-admin/ Wagtail admin · /django-admin/ Django admin ·
Wagtail's catch-all last.
"""

from django.apps import apps
from django.conf import settings
from django.contrib import admin
from django.contrib.auth.decorators import login_required
from django.urls import include, path, re_path
from django.views.static import serve as serve_static
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from cms import urls as cms_urls
from cms import views as cms_views
from marketplace.core import post_only
from marketplace.core import views as core_views
from marketplace.delivery import views as delivery_views
from marketplace.users import landing as user_landing
from marketplace.users import views as users_views

urlpatterns = [
    path("i18n/setlang/", core_views.set_language, name="set_language"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("django-admin/", admin.site.urls),
    path("cms-admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    # Cooperatives: seller centre, storefronts, and the alliance's review screens,
    # which sit under /dashboard/ (so the staff-only middleware guards them) before Oscar's include.
    # A cooperative's balance, statements and payouts; the alliance's commission, payouts, tax.
    path("seller/money/", include("marketplace.ledger.seller_urls")),
    path("dashboard/ledger/", include("marketplace.ledger.dashboard_urls")),
    path("seller/", include("marketplace.seller.urls")),
    # Accepting a new version of the operating regulations (docs/legal.md).
    path("legal/", include("marketplace.legal.urls")),
    path("cooperatives/", include("marketplace.storefronts.urls")),
    path("dashboard/applications/", include("marketplace.seller.alliance_urls")),
    # Work that kept failing (dead letters of the outbox), for alliance staff to retry or discard.
    path("dashboard/outbox/", include("marketplace.outbox.urls")),
    # The floor's duties: reports of violations, takedowns and appeals, complaints, exports for
    # authorities (docs/moderation.md); the public report form and a complaint's status page.
    path("dashboard/moderation/", include("marketplace.moderation.dashboard_urls")),
    path("", include("marketplace.moderation.urls")),
    # Adoption and sales figures for the alliance (docs/reports.md).
    path("dashboard/analytics/", include("marketplace.reports.dashboard_urls")),
    # Two-level addresses: a province's communes as JSON for the commune select.
    path("geo/", include("marketplace.geo.urls")),
    # Checkout, orders and payments: card payment page, Stripe webhook, order lookup.
    path("payments/", include("payments.urls")),
    # Returns of a delivered sub-order (before the order pages), escalations for alliance staff,
    # and messages between buyers and cooperatives.
    path("orders/", include("marketplace.returns.urls")),
    path("orders/", include("marketplace.preorders.urls")),
    path("orders/", include("marketplace.order.urls")),
    path("dashboard/returns/", include("marketplace.returns.alliance_urls")),
    path("messages/", include("marketplace.messaging.urls")),
    # A buyer's quotes for large quantities (docs/wholesale-and-sharing.md).
    path("wholesale/", include("marketplace.wholesale.urls")),
    # Provenance of a batch, from the QR code on its label: /truy-xuat/<code>/ and GS1 /01/<GTIN>/10/<batch>.
    path("", include("marketplace.traceability.urls")),
    # After signing in without `next`: dashboard, seller centre or home, by who signed in.
    path("accounts/welcome/", user_landing.after_sign_in, name="after-sign-in"),
    # Two-factor sign-in: set up an authenticator app, enter a code (docs/security.md).
    path("accounts/two-factor/", include("marketplace.users.two_factor_urls")),
    # Saved products ("Yêu thích") under the account, before Oscar's own wish-list screens.
    path("accounts/wishlists/", include("marketplace.wishlists.urls")),
    # Content: sitemap and robots.txt.
    path("sitemap.xml", cms_views.sitemap, name="sitemap"),
    path("robots.txt", cms_views.robots_txt, name="robots_txt"),
    # Oscar answers these GET requests by changing state: the same paths, POST only (core/post_only.py).
    path("accounts/logout/", post_only.logout_view()),
    # The email changes only with the password and a link sent to the new address (users/).
    path("accounts/email/", include("marketplace.users.urls")),
    path("accounts/profile/edit/", login_required(users_views.ProfileUpdateView.as_view())),
    re_path(
        r"^accounts/addresses/(?P<pk>\d+)/(?P<action>default_for_(billing|shipping))/$",
        post_only.address_default_view(),
    ),
    path("accounts/alerts/confirm/<str:key>/", post_only.alert_confirm_view()),
    path("accounts/alerts/cancel/key/<str:key>/", post_only.alert_cancel_view()),
    path("accounts/alerts/cancel/<int:pk>/", post_only.alert_cancel_by_pk_view()),
    path("accounts/wishlists/add/<int:product_pk>/", post_only.wishlist_add_view()),
    path("accounts/wishlists/<str:key>/add/<int:product_pk>/", post_only.wishlist_add_view()),
    path(
        "accounts/wishlists/<str:key>/lines/<int:line_pk>/move-to/<str:to_key>/",
        post_only.wishlist_move_view(),
    ),
    path("dashboard/partners/<int:partner_pk>/users/<int:user_pk>/link/", post_only.partner_user_link_view()),
    # The basket page without Oscar's unused offer hints (a second read of every offer).
    path("basket/", delivery_views.BasketView.as_view()),
    # Adding to the basket at a fixed cost (docs/performance.md), same checks and messages.
    path("basket/add/<int:pk>/", delivery_views.BasketAddView.as_view()),
    # Oscar's templates and emails link to "home": it is Wagtail's root page (in the visitor's language).
    path("", cms_views.serve_page, {"path": ""}, name="home"),
    path("", include(apps.get_app_config("oscar").urls[0])),  # type: ignore[attr-defined]  # Oscar's config
]

if settings.SERVE_MEDIA:
    urlpatterns += [
        re_path(r"^media/(?P<path>.*)$", serve_static, {"document_root": settings.MEDIA_ROOT}),
    ]

# Wagtail's catch-all, last: Vietnamese pages unprefixed, English pages under /en/ (cms/urls.py).
urlpatterns += cms_urls.urlpatterns
