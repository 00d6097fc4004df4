"""Settings shared by every way of running Chợ HTX.

Everything that differs between machines is read through ``marketplace.env``.
The embedded default (SQLite, eager Celery, database search) needs no variables.
"""

from pathlib import Path

from django.utils.translation import gettext_lazy as _
from oscar.defaults import *  # noqa: F403

from marketplace import env

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(env.str_("VAR_DIR", str(BASE_DIR / "var")))

SECRET_KEY = env.str_("SECRET_KEY", "dev-only-insecure-key-change-me")
DEBUG = env.bool_("DEBUG", False)
ALLOWED_HOSTS = env.list_("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "testserver"])
CSRF_TRUSTED_ORIGINS = env.list_("CSRF_TRUSTED_ORIGINS", [])
SITE_ID = 1

# --- Applications -------------------------------------------------------------------
OSCAR_APPS = [
    "marketplace.config.Shop",
    "oscar.apps.analytics.apps.AnalyticsConfig",
    "marketplace.checkout.apps.CheckoutConfig",
    "oscar.apps.address.apps.AddressConfig",
    "marketplace.shipping.apps.ShippingConfig",
    "marketplace.catalogue.apps.CatalogueConfig",
    "oscar.apps.catalogue.reviews.apps.CatalogueReviewsConfig",
    "oscar.apps.communication.apps.CommunicationConfig",
    "marketplace.partner.apps.PartnerConfig",
    "oscar.apps.basket.apps.BasketConfig",
    "oscar.apps.payment.apps.PaymentConfig",
    "oscar.apps.offer.apps.OfferConfig",
    "marketplace.order.apps.OrderConfig",
    "oscar.apps.customer.apps.CustomerConfig",
    "search.apps.SearchConfig",
    "oscar.apps.voucher.apps.VoucherConfig",
    "oscar.apps.wishlists.apps.WishlistsConfig",
    "oscar.apps.dashboard.apps.DashboardConfig",
    "oscar.apps.dashboard.reports.apps.ReportsDashboardConfig",
    "oscar.apps.dashboard.users.apps.UsersDashboardConfig",
    "oscar.apps.dashboard.orders.apps.OrdersDashboardConfig",
    "oscar.apps.dashboard.catalogue.apps.CatalogueDashboardConfig",
    "oscar.apps.dashboard.offers.apps.OffersDashboardConfig",
    "oscar.apps.dashboard.partners.apps.PartnersDashboardConfig",
    "oscar.apps.dashboard.pages.apps.PagesDashboardConfig",
    "oscar.apps.dashboard.ranges.apps.RangesDashboardConfig",
    "oscar.apps.dashboard.reviews.apps.ReviewsDashboardConfig",
    "oscar.apps.dashboard.vouchers.apps.VouchersDashboardConfig",
    "oscar.apps.dashboard.communications.apps.CommunicationsDashboardConfig",
    "oscar.apps.dashboard.shipping.apps.ShippingDashboardConfig",
]

WAGTAIL_APPS = [
    "wagtail.contrib.forms",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.simple_translation",
    "wagtail.contrib.sitemaps",
    "wagtail.locales",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django.contrib.sitemaps",
]

INSTALLED_APPS = [
    # Project apps first: their templates, translations and commands win.
    "marketplace.users.apps.UsersConfig",
    "marketplace.core.apps.CoreConfig",
    "marketplace.ocop.apps.OcopConfig",
    "marketplace.notifications.apps.NotificationsConfig",
    "marketplace.delivery.apps.DeliveryConfig",
    "marketplace.outbox.apps.OutboxConfig",
    "payments.apps.PaymentsConfig",
    "cms.apps.CmsConfig",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sites",
    "django.contrib.flatpages",
    "django.contrib.humanize",
    *OSCAR_APPS,
    *WAGTAIL_APPS,
    "widget_tweaks",
    "treebeard",
    "sorl.thumbnail",
    "django_tables2",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "marketplace.core.middleware.VietnameseFirstLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "marketplace.users.middleware.RememberLanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "oscar.apps.basket.middleware.BasketMiddleware",
    "marketplace.core.middleware.StaffOnlyDashboardMiddleware",
    "django.contrib.flatpages.middleware.FlatpageFallbackMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "marketplace.urls"
WSGI_APPLICATION = "marketplace.wsgi.application"
AUTH_USER_MODEL = "users.User"
AUTHENTICATION_BACKENDS = [
    "oscar.apps.customer.auth_backends.EmailBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_REDIRECT_URL = "/accounts/welcome/"  # marketplace.users.views.after_sign_in

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "themes" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "oscar.apps.communication.notifications.context_processors.notifications",
                "oscar.apps.checkout.context_processors.checkout",
                "oscar.core.context_processors.metadata",
                "search.context_processors.search_form",
                "marketplace.core.context_processors.site_chrome",
            ],
        },
    }
]

# --- Data ---------------------------------------------------------------------------
DATABASES = {"default": env.database("DATABASE_URL", f"sqlite:///{VAR_DIR / 'db.sqlite3'}")}
DEFAULT_AUTO_FIELD = "django.db.models.AutoField"

REDIS_URL = env.str_("REDIS_URL", "")
if REDIS_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# --- Language, time, formats --------------------------------------------------------
LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]
# The project's catalogue first; then corrections to Oscar's Vietnamese (not named "locale", so that
# makemessages keeps every template string in locale/).
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "themes" / "oscar_corrections"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
FORMAT_MODULE_PATH = ["marketplace.formats"]

# --- Static and media ---------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = Path(env.str_("STATIC_ROOT", str(VAR_DIR / "static")))
STATICFILES_DIRS = [BASE_DIR / "themes" / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env.str_("MEDIA_ROOT", str(VAR_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# sorl keeps thumbnail bookkeeping in the cache, so warm product lists cost no extra queries.
THUMBNAIL_CACHE = "default"
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

# --- Email --------------------------------------------------------------------------
EMAIL_BACKEND = env.str_("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env.str_("EMAIL_HOST", "localhost")
EMAIL_PORT = env.int_("EMAIL_PORT", 25)
EMAIL_HOST_USER = env.str_("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env.str_("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env.bool_("EMAIL_USE_TLS", False)
EMAIL_FILE_PATH = env.str_("EMAIL_FILE_PATH", str(VAR_DIR / "mail"))
DEFAULT_FROM_EMAIL = env.str_("DEFAULT_FROM_EMAIL", "Chợ HTX <no-reply@chohtx.example.vn>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Celery -------------------------------------------------------------------------
# With no broker the tasks run eagerly in the web process (the embedded default).
CELERY_BROKER_URL = env.str_("CELERY_BROKER_URL", "")
CELERY_TASK_ALWAYS_EAGER = env.bool_("CELERY_TASK_ALWAYS_EAGER", not CELERY_BROKER_URL)
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_BROKER_URL = CELERY_BROKER_URL or "memory://"
CELERY_RESULT_BACKEND = None
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# A message a worker took but never acknowledged (the worker died) goes back to the queue after
# this many seconds; a task running longer than this is delivered twice. Redis looks for such
# messages every tenth of it (at most every 10 s), so a short timeout (the kill test) recovers fast.
_visibility_timeout = env.int_("CELERY_VISIBILITY_TIMEOUT", 3600)
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": _visibility_timeout,
    "unacked_restore_interval": max(1, min(10, _visibility_timeout // 10)),
    "unacked_restore_throttle": 1,
}
CELERY_TIMEZONE = TIME_ZONE
# Scheduled tasks (Celery beat). Each feature adds its own entries in its section below.
CELERY_BEAT_SCHEDULE: dict = {}

# --- Search -------------------------------------------------------------------------
ELASTICSEARCH_URL = env.str_("ELASTICSEARCH_URL", "")
# Oscar imports haystack at start-up; the simple engine keeps it quiet (see README).
HAYSTACK_CONNECTIONS = {"default": {"ENGINE": "haystack.backends.simple_backend.SimpleEngine"}}

# --- Payments -----------------------------------------------------------------------
STRIPE_SECRET_KEY = env.str_("STRIPE_SECRET_KEY", "")
STRIPE_PUBLISHABLE_KEY = env.str_("STRIPE_PUBLISHABLE_KEY", "")
STRIPE_WEBHOOK_SECRET = env.str_("STRIPE_WEBHOOK_SECRET", "")
STRIPE_API_BASE = env.str_("STRIPE_API_BASE", "")
PAYMENT_METHODS = [
    "payments.cod.CashOnDelivery",
    "payments.bank_transfer.VietQRTransfer",
    "payments.card.StripeCard",
]

# --- Oscar --------------------------------------------------------------------------
OSCAR_SHOP_NAME = "Chợ HTX"
OSCAR_SHOP_TAGLINE = _("Sàn giao dịch điện tử của các hợp tác xã")
OSCAR_HOMEPAGE = "/"
OSCAR_DEFAULT_CURRENCY = "VND"
# Money looks the same in every language: 125.000 ₫ (Oscar's `currency` filter reads this).
OSCAR_CURRENCY_FORMAT = {"VND": {"locale": "vi_VN", "format": "#,##0\u00a0¤", "currency_digits": True}}
OSCAR_FROM_EMAIL = DEFAULT_FROM_EMAIL
OSCAR_ALLOW_ANON_CHECKOUT = True
OSCAR_SLUG_FUNCTION = "marketplace.core.text.slugify"
OSCAR_REQUIRED_ADDRESS_FIELDS = ("first_name", "line1", "line4", "state", "country")
OSCAR_MISSING_IMAGE_URL = "image_not_found.jpg"
OSCAR_PRODUCTS_PER_PAGE = 24
OSCAR_HIDDEN_FEATURES = ["wishlists"]

# Phones are stored as +84… and shown the Vietnamese way (0912 345 678).
PHONENUMBER_DB_FORMAT = "E164"
PHONENUMBER_DEFAULT_FORMAT = "NATIONAL"
PHONENUMBER_DEFAULT_REGION = "VN"

# --- Wagtail ------------------------------------------------------------------------
WAGTAIL_SITE_NAME = "Chợ HTX"
WAGTAILADMIN_BASE_URL = env.str_("SITE_URL", "http://127.0.0.1:8000")
# Pages in Vietnamese (no URL prefix) and English (/en/...); see README "Content for editors".
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAIL_ALLOW_UNICODE_SLUGS = False  # page addresses in ASCII: /stories/banh-da-nem-kien-khe/
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str_("LOG_LEVEL", "INFO")},
    "loggers": {"django.db.backends": {"level": "WARNING"}, "celery": {"level": "WARNING"}},
}

# --- The operator (shown in every page's footer, as the e-commerce law requires) -----
OPERATOR = {
    "legal_name": env.str_("OPERATOR_LEGAL_NAME", "Liên minh Hợp tác xã tỉnh Ninh Bình"),
    "address": env.str_("OPERATOR_ADDRESS", "Phường Hoa Lư, tỉnh Ninh Bình"),
    "phone": env.str_("OPERATOR_PHONE", "0229 3 000 000"),
    "email": env.str_("OPERATOR_EMAIL", "lienhe@chohtx.example.vn"),
    "registration": env.str_("OPERATOR_REGISTRATION", ""),
    "tax_code": env.str_("OPERATOR_TAX_CODE", ""),
}
SERVE_MEDIA = env.bool_("SERVE_MEDIA", True)

# --- Cooperatives: applications, storefronts, seller centre, OCOP expiry (issue #3) --
from celery.schedules import crontab as _crontab  # noqa: E402

INSTALLED_APPS += ["marketplace.seller.apps.SellerConfig", "marketplace.storefronts.apps.StorefrontsConfig"]
# Registration papers and certificate scans: outside MEDIA_ROOT, handed out only by views that check access.
PRIVATE_MEDIA_ROOT = Path(env.str_("PRIVATE_MEDIA_ROOT", str(VAR_DIR / "private")))
SELLER_UPLOAD_MAX_BYTES = 10 * 1024 * 1024  # a photo or a scan, as sent by a phone
SELLER_IMAGE_MAX_PIXELS = 40_000_000  # larger claims are refused before decoding (decompression bombs)
SELLER_PHOTO_MAX_SIDE = 1600  # product photos are resized to this on the server
CELERY_BEAT_SCHEDULE["ocop-certificate-expiry"] = {
    "task": "marketplace.ocop.tasks.certificate_expiry_notify",
    "schedule": _crontab(hour=6, minute=0),  # every morning, Asia/Ho_Chi_Minh
}
OSCAR_DASHBOARD_NAVIGATION += [
    {
        "label": _("Hợp tác xã"),
        "icon": "fas fa-handshake",
        "children": [
            {
                "label": _("Hồ sơ đăng ký"),
                "url_name": "alliance:applications",
                "access_fn": lambda user, *args, **kwargs: user.is_staff,
            },
            {
                "label": _("Xác minh chứng nhận OCOP"),
                "url_name": "alliance:certificates",
                "access_fn": lambda user, *args, **kwargs: user.is_staff,
            },
        ],
    }
]

# --- Checkout, orders and payments (issue 4) -----------------------------------------
CELERY_BEAT_SCHEDULE["outbox-dispatch"] = {
    "task": "marketplace.outbox.tasks.outbox_dispatch_pending",
    "schedule": 60.0,
}

# --- Content for editors (issue 6) ----------------------------------------------------
# Scheduled publishing: pages whose go-live (or expiry) time has come are published (or unpublished).
CELERY_BEAT_SCHEDULE["cms-publish-scheduled"] = {"task": "cms.publish_scheduled", "schedule": 300.0}
