"""Settings shared by every way of running Chợ HTX.

Everything that differs between machines is read through ``marketplace.env``.
The embedded default (SQLite, eager Celery, database search) needs no variables.
"""

from pathlib import Path
from typing import Any

from django.utils.translation import gettext_lazy as _
from oscar.defaults import *  # noqa: F403
from oscar.defaults import OSCAR_DASHBOARD_NAVIGATION  # named: the type checker does not follow `*`

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
    "marketplace.product_import.apps.ProductImportConfig",
    "marketplace.outbox.apps.OutboxConfig",
    "marketplace.ledger.apps.LedgerConfig",
    "payments.apps.PaymentsConfig",
    "cms.apps.CmsConfig",
    "marketplace.demo.apps.DemoConfig",
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
    "marketplace.core.basket_middleware.BasketMiddleware",  # Oscar's, offers only when any run
    "marketplace.core.basket_count.BasketCountCookieMiddleware",
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
LOGIN_REDIRECT_URL = "/accounts/welcome/"  # marketplace.users.landing.after_sign_in

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
                "cms.context_processors.operator",
                # Last: a page rendered for the page cache gets a hole for its CSRF token.
                "marketplace.core.pagecache.csrf_hole",
            ],
        },
    }
]

# --- Data ---------------------------------------------------------------------------
DATABASES = {"default": env.database("DATABASE_URL", f"sqlite:///{VAR_DIR / 'db.sqlite3'}")}
# A read replica for the catalogue and search reads of GET requests (marketplace/core/replica.py).
if env.is_set("DATABASE_REPLICA_URL"):
    DATABASES["replica"] = env.database("DATABASE_REPLICA_URL", "")  # set: checked just above
    DATABASE_ROUTERS = ["marketplace.core.replica.ReplicaRouter"]
# The embedded default on SQLite, ready for buyers checking out at the same moment: every
# transaction takes the write lock when it begins (BEGIN IMMEDIATE), so two of them never both read
# and then deadlock on upgrading to write ("database is locked"); a writer waits for the lock
# instead of failing (busy timeout); write-ahead logging lets readers go on while one writes.
SQLITE_BUSY_TIMEOUT_SECONDS = env.int_("SQLITE_BUSY_TIMEOUT_SECONDS", 30)
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "transaction_mode": "IMMEDIATE",
            "timeout": SQLITE_BUSY_TIMEOUT_SECONDS,
            "init_command": (
                "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
                f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_SECONDS * 1000};"
            ),
        }
    )
DEFAULT_AUTO_FIELD = "django.db.models.AutoField"

REDIS_URL = env.str_("REDIS_URL", "")
CACHES: dict[str, dict[str, Any]]
if REDIS_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}}
    # Sessions read from Redis (written through to the database): any web process answers any
    # visitor, and a signed-in page costs no session query (docs/scaling.md).
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    # Room for sorl's thumbnail records (six per product picture: three widths, WebP and JPEG).
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "OPTIONS": {"MAX_ENTRIES": 20000},
        }
    }
# Whole pages for visitors who are not signed in (marketplace/core/pagecache.py): in Redis with
# the rest when REDIS_URL is set, else in files under var/cache/pages, which the web process and
# the Celery worker share (a save in either makes the pages stale for both).
if REDIS_URL:
    CACHES["pages"] = {**CACHES["default"], "KEY_PREFIX": "pages"}
else:
    CACHES["pages"] = {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": str(VAR_DIR / "cache" / "pages"),
        "OPTIONS": {"MAX_ENTRIES": 2000},
    }
# How long a cached page may live even if no save makes it stale (what changes with time alone,
# such as an OCOP certificate reaching its expiry date, shows at the latest after this); 0: off.
PAGE_CACHE_SECONDS = env.int_("PAGE_CACHE_SECONDS", 600)
# How long a cached menu, footer or product card may live even if no save invalidates it
# (marketplace/core/fragments.py; saves bump a version number, so this is only a safety net).
FRAGMENT_CACHE_SECONDS = env.int_("FRAGMENT_CACHE_SECONDS", 3600)

# --- Language, time, formats --------------------------------------------------------
LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]
# The project's catalogue first; then corrections to Oscar's Vietnamese (not named "locale", so that
# makemessages keeps every template string in locale/); last, the Vietnamese of Wagtail's admin
# (English msgids from the wagtail package, in a folder of its own: docs/cms.md, "Admin in Vietnamese").
LOCALE_PATHS = [
    BASE_DIR / "locale",
    BASE_DIR / "themes" / "oscar_corrections",
    BASE_DIR / "locale" / "wagtail_admin",
]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
FORMAT_MODULE_PATH = ["marketplace.formats"]

# --- Static and media ---------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = Path(env.str_("STATIC_ROOT", str(VAR_DIR / "static")))
STATICFILES_DIRS = [BASE_DIR / "themes" / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT: Path | str = Path(env.str_("MEDIA_ROOT", str(VAR_DIR / "media")))
# Uploaded files: on disk by default (MEDIA_ROOT, PRIVATE_MEDIA_ROOT); with AWS_STORAGE_BUCKET_NAME
# set, in an S3-compatible bucket through django-storages, so web processes keep nothing on disk:
# public media under `media/` (plain links; the bucket policy makes that prefix readable) and
# private documents under `private/` of AWS_PRIVATE_BUCKET_NAME (the same bucket by default;
# never public, handed out by views that check access, any link signed and short-lived).
AWS_STORAGE_BUCKET_NAME = env.str_("AWS_STORAGE_BUCKET_NAME", "")
AWS_PRIVATE_BUCKET_NAME = env.str_("AWS_PRIVATE_BUCKET_NAME", "") or AWS_STORAGE_BUCKET_NAME
AWS_S3_ENDPOINT_URL = env.str_("AWS_S3_ENDPOINT_URL", "") or None
AWS_S3_REGION_NAME = env.str_("AWS_S3_REGION_NAME", "") or None
AWS_ACCESS_KEY_ID = env.str_("AWS_ACCESS_KEY_ID", "") or None
AWS_SECRET_ACCESS_KEY = env.str_("AWS_SECRET_ACCESS_KEY", "") or None
AWS_S3_CUSTOM_DOMAIN = env.str_("AWS_S3_CUSTOM_DOMAIN", "") or None
AWS_PRIVATE_URL_SECONDS = env.int_("AWS_PRIVATE_URL_SECONDS", 300)


def object_storage(
    *,
    bucket: str,
    location: str,
    private: bool,
    endpoint_url: str | None = AWS_S3_ENDPOINT_URL,
    region_name: str | None = AWS_S3_REGION_NAME,
    access_key: str | None = AWS_ACCESS_KEY_ID,
    secret_key: str | None = AWS_SECRET_ACCESS_KEY,
) -> dict:
    """STORAGES entry for a folder (`location`) of an S3-compatible bucket."""
    options = {
        "bucket_name": bucket,
        "location": location,
        "endpoint_url": endpoint_url,
        "region_name": region_name,
        "access_key": access_key,
        "secret_key": secret_key,
        "file_overwrite": False,
        "default_acl": "private" if private else None,
        "querystring_auth": private,
        "querystring_expire": AWS_PRIVATE_URL_SECONDS,
        "signature_version": "s3v4",
        "custom_domain": None if private else AWS_S3_CUSTOM_DOMAIN,
    }
    return {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": options}


if AWS_STORAGE_BUCKET_NAME:
    STORAGES = {
        "default": object_storage(bucket=AWS_STORAGE_BUCKET_NAME, location="media", private=False),
        "private": object_storage(bucket=AWS_PRIVATE_BUCKET_NAME, location="private", private=True),
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
else:
    STORAGES = {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "private": {"BACKEND": "marketplace.partner.storage.PrivateStorage"},
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
CELERY_BROKER_TRANSPORT_OPTIONS: dict[str, Any] = {
    "visibility_timeout": _visibility_timeout,
    "unacked_restore_interval": max(1, min(10, _visibility_timeout // 10)),
    "unacked_restore_throttle": 1,
}
# The embedded default's broker (`make run`): kombu's filesystem transport, messages as files
# under var/celery/ (no server to run). It has no acknowledgements: a message a dying worker took
# is gone, and the outbox hands its task over again after OUTBOX_HANDOFF_LEASE_SECONDS.
if CELERY_BROKER_URL.startswith("filesystem://"):
    _celery_dir = VAR_DIR / "celery"
    for _folder in ("queue", "control", "processed"):
        (_celery_dir / _folder).mkdir(parents=True, exist_ok=True)
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(_celery_dir / "queue"),
        "data_folder_out": str(_celery_dir / "queue"),
        "control_folder": str(_celery_dir / "control"),
        "processed_folder": str(_celery_dir / "processed"),
        "store_processed": False,
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
# Reviews: only buyers who received the product write them (Product.is_review_permitted), and
# alliance staff approve each one in /dashboard/reviews/ before it shows or counts in the rating.
OSCAR_ALLOW_ANON_REVIEWS = False
OSCAR_MODERATE_REVIEWS = True

# Phones are stored as +84… and shown the Vietnamese way (0912 345 678).
PHONENUMBER_DB_FORMAT = "E164"
PHONENUMBER_DEFAULT_FORMAT = "NATIONAL"
PHONENUMBER_DEFAULT_REGION = "VN"

# --- Wagtail ------------------------------------------------------------------------
WAGTAIL_SITE_NAME = "Chợ HTX"
WAGTAILADMIN_BASE_URL = env.str_("SITE_URL", "http://127.0.0.1:8000")
WAGTAILADMIN_USER_LOGIN_FORM = "cms.admin_forms.AdminLoginForm"  # the password field labelled in Vietnamese
# Pages in Vietnamese (no URL prefix) and English (/en/...); see docs/cms.md ("Languages").
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAIL_ALLOW_UNICODE_SLUGS = False  # page addresses in ASCII: /stories/banh-da-nem-kien-khe/
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}

LOGGING: dict[str, Any] = {
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
DEMO_DATA_ALLOWED = True  # production.py turns it off: load_demo refuses to run there

# --- Cooperatives: applications, storefronts, seller centre, OCOP expiry --
from celery.schedules import crontab as _crontab  # noqa: E402

INSTALLED_APPS += [
    "marketplace.seller.apps.SellerConfig",
    "marketplace.storefronts.apps.StorefrontsConfig",
    "marketplace.wishlists.apps.FavouritesConfig",
]
# Registration papers and certificate scans: outside MEDIA_ROOT, handed out only by views that check access.
PRIVATE_MEDIA_ROOT: Path | str = Path(env.str_("PRIVATE_MEDIA_ROOT", str(VAR_DIR / "private")))
SELLER_UPLOAD_MAX_BYTES = 10 * 1024 * 1024  # a photo or a scan, as sent by a phone
SELLER_IMAGE_MAX_PIXELS = 40_000_000  # larger claims are refused before decoding (decompression bombs)
SELLER_PHOTO_MAX_SIDE = 1600  # product photos are resized to this on the server
CELERY_BEAT_SCHEDULE["ocop-certificate-expiry"] = {
    "task": "marketplace.ocop.tasks.certificate_expiry_notify",
    "schedule": _crontab(hour=6, minute=0),  # every morning, Asia/Ho_Chi_Minh
}
# Assisted mode: each cooperative's owners get one email a day of what alliance staff did for it.
CELERY_BEAT_SCHEDULE["assisted-digest"] = {
    "task": "marketplace.seller.tasks.assisted_digest_email",
    "schedule": _crontab(hour=7, minute=0),  # every morning, for the day before
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
            {
                "label": _("Thao tác thay hợp tác xã"),
                "url_name": "alliance:assist",
                "access_fn": lambda user, *args, **kwargs: user.has_perm("seller.act_for_cooperative"),
            },
        ],
    }
]
OSCAR_DASHBOARD_NAVIGATION += [
    {
        "label": _("Tiền"),
        "icon": "fas fa-coins",
        "children": [
            {
                "label": _("Hoa hồng"),
                "url_name": "ledger:commission",
                "access_fn": lambda user, *args, **kwargs: user.is_staff,
            },
            {
                "label": _("Chi trả cho hợp tác xã"),
                "url_name": "ledger:payouts",
                "access_fn": lambda user, *args, **kwargs: user.is_staff,
            },
        ],
    }
]
# Batches past their best-before date leave the shop, their units off the product's stock.
CELERY_BEAT_SCHEDULE["batches-expire"] = {
    "task": "marketplace.traceability.tasks.batches_expire",
    "schedule": _crontab(hour=0, minute=5),  # just after midnight, Asia/Ho_Chi_Minh
}
CELERY_BEAT_SCHEDULE["ledger-statements-close"] = {
    "task": "marketplace.ledger.tasks.statements_close",
    "schedule": _crontab(day_of_month=1, hour=0, minute=30),  # the 1st, 00:30 Asia/Ho_Chi_Minh
}

# --- Checkout, orders and payments -----------------------------------------
CELERY_BEAT_SCHEDULE["outbox-dispatch"] = {
    "task": "marketplace.outbox.tasks.outbox_dispatch_pending",
    "schedule": 60.0,
}
# The outbox retries a failing task with exponential backoff (1 min, 2, 4, … at most
# OUTBOX_BACKOFF_MAX_SECONDS apart) for OUTBOX_RETRY_SECONDS (a day), then it becomes a dead letter
# that alliance staff are emailed about and see in /dashboard/outbox/. A task may set
# `outbox_max_attempts` (default OUTBOX_MAX_ATTEMPTS); a run that never reports (it stopped its
# worker) counts as lost, and OUTBOX_MAX_LOST_RUNS of those make it a dead letter at once.
OUTBOX_RETRY_SECONDS = env.int_("OUTBOX_RETRY_SECONDS", 24 * 3600)
OUTBOX_BACKOFF_SECONDS = env.int_("OUTBOX_BACKOFF_SECONDS", 60)
OUTBOX_BACKOFF_MAX_SECONDS = env.int_("OUTBOX_BACKOFF_MAX_SECONDS", 2 * 3600)
OUTBOX_MAX_ATTEMPTS = env.int_("OUTBOX_MAX_ATTEMPTS", 40)
OUTBOX_MAX_LOST_RUNS = env.int_("OUTBOX_MAX_LOST_RUNS", 3)
# A message handed to Celery that has not started after this long is handed again (the broker lost
# it, e.g. Redis was flushed); a started run that has not reported after this long is lost.
OUTBOX_HANDOFF_LEASE_SECONDS = env.int_("OUTBOX_HANDOFF_LEASE_SECONDS", max(_visibility_timeout, 60))
# Every night the data's invariants are checked; alliance staff are emailed when one is broken.
CELERY_BEAT_SCHEDULE["check-invariants"] = {
    "task": "marketplace.core.tasks.invariants_check",
    "schedule": _crontab(hour=2, minute=30),
}
OSCAR_DASHBOARD_NAVIGATION += [
    {
        "label": _("Việc gửi đi thất bại"),
        "icon": "fas fa-exclamation-triangle",
        "url_name": "outbox:dead-letters",
        "access_fn": lambda user, *args, **kwargs: user.is_staff,
    }
]

# --- Reports: sales for cooperatives, analytics for the alliance (docs/reports.md) ---------
INSTALLED_APPS += ["marketplace.reports.apps.ReportsConfig"]
# The analytics read monthly summary tables: kept up every 10 minutes from the sub-orders that
# changed, and this month and the last rewritten every night.
CELERY_BEAT_SCHEDULE["reports-summaries"] = {
    "task": "marketplace.reports.tasks.summaries_refresh_changed",
    "schedule": 600.0,
}
CELERY_BEAT_SCHEDULE["reports-summaries-recent"] = {
    "task": "marketplace.reports.tasks.summaries_refresh_recent",
    "schedule": _crontab(hour=3, minute=0),
}
OSCAR_DASHBOARD_NAVIGATION += [
    {
        "label": _("Số liệu của sàn"),
        "icon": "fas fa-chart-bar",
        "url_name": "analytics:overview",
        "access_fn": lambda user, *args, **kwargs: user.is_staff,
    }
]

# --- Content for editors ----------------------------------------------------
# Scheduled publishing: pages whose go-live (or expiry) time has come are published (or unpublished).
CELERY_BEAT_SCHEDULE["cms-publish-scheduled"] = {"task": "cms.publish_scheduled", "schedule": 300.0}

# --- Sign-in, abuse and hardening: passwords, throttled sign-in, two-factor, rate limits, -----
# --- Content-Security-Policy, request size (docs/security.md) -------------------------------
INSTALLED_APPS += ["axes", "django_otp", "django_otp.plugins.otp_totp", "django_ratelimit", "csp"]


def _after(anchor: str, *names: str) -> None:
    """Put middleware right after `anchor`, keeping the rest of the list as the sections above set it."""
    at = MIDDLEWARE.index(anchor) + 1
    MIDDLEWARE[at:at] = list(names)


# A request body larger than the limit is refused from its Content-Length, before it is read.
_after(
    "marketplace.core.middleware.VietnameseFirstLocaleMiddleware",
    "marketplace.core.limits.RequestBodyLimitMiddleware",
)
# GET and HEAD requests may read the catalogue from a replica (when one is configured).
_after("django.middleware.security.SecurityMiddleware", "marketplace.core.replica.ReplicaReadsMiddleware")
_after(
    "django.middleware.security.SecurityMiddleware", "marketplace.core.csp.ContentSecurityPolicyMiddleware"
)
_after(
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "marketplace.users.two_factor.StaffTwoFactorMiddleware",
)
MIDDLEWARE += ["django_ratelimit.middleware.RatelimitMiddleware", "axes.middleware.AxesMiddleware"]

# Passwords: Django's validators, at least 10 characters, worded in Vietnamese.
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "marketplace.users.passwords.UserAttributeSimilarityValidator"},
    {"NAME": "marketplace.users.passwords.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "marketplace.users.passwords.CommonPasswordValidator"},
    {"NAME": "marketplace.users.passwords.NumericPasswordValidator"},
]

# The visitor's address behind the reverse proxy (nginx in front: 1); see marketplace/core/client_ip.py.
TRUSTED_PROXY_COUNT = env.int_("TRUSTED_PROXY_COUNT", 0)

# Throttled sign-in (django-axes) on every login page: its backend goes first and needs the request.
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", *AUTHENTICATION_BACKENDS]
# Oscar's registration signs the new account in without the request: ours passes it.
OSCAR_DYNAMIC_CLASS_LOADER = "marketplace.users.class_loader.class_loader"
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = 0.25  # hours: 15 minutes
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_USERNAME_FORM_FIELD = "username"
AXES_CLIENT_IP_CALLABLE = "marketplace.core.client_ip.client_ip"
AXES_LOCKOUT_TEMPLATE = "security/locked_out.html"
AXES_HTTP_RESPONSE_CODE = 429
AXES_VERBOSE = False

# Two-factor sign-in (django-otp, TOTP): required for alliance staff before the back office.
OTP_TOTP_ISSUER = "Chợ HTX"
TWO_FACTOR_PATHS = ("/dashboard/", "/cms-admin/", "/django-admin/")

# Rate limits (django-ratelimit) on the shared cache: Redis in production (REDIS_URL).
RATELIMIT_USE_CACHE = "default"
RATELIMIT_IP_META_KEY = "marketplace.core.client_ip.client_ip"
RATELIMIT_VIEW = "marketplace.core.views.rate_limited"
SILENCED_SYSTEM_CHECKS = ["django_ratelimit.W001"]  # Django's own RedisCache increments atomically
if not REDIS_URL:
    SILENCED_SYSTEM_CHECKS += ["django_ratelimit.E003"]  # the embedded default: one process, local memory

# Content-Security-Policy (django-csp 4): strict for the shop, with Stripe's Payment Element; the
# back office gets its own policy (marketplace/core/csp.py). An inline script that must stay carries
# the request's nonce: <script nonce="{{ request.csp_nonce }}">.
from csp.constants import NONCE as _CSP_NONCE  # noqa: E402

_STRIPE = ["https://js.stripe.com", "https://*.js.stripe.com", "https://hooks.stripe.com"]
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'", _CSP_NONCE, "https://js.stripe.com", "https://*.js.stripe.com"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": [
            "'self'",
            "data:",
            "blob:",
            "https://*.stripe.com",
            "https://i.ytimg.com",
            "https://i.vimeocdn.com",
        ],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'", "https://api.stripe.com", "https://*.stripe.com"],
        "frame-src": [
            *_STRIPE,
            "https://www.youtube.com",
            "https://www.youtube-nocookie.com",
            "https://player.vimeo.com",
        ],
        "form-action": ["'self'", "https://*.stripe.com"],
        "frame-ancestors": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}

# Wagtail's admin makes no requests to other sites (gravatar, the release check): the back office's
# policy keeps fetches and images on the site.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False

# Request size: refused before the body is read (nginx: client_max_body_size 12m).
REQUEST_BODY_MAX_BYTES = 12 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024  # larger files go to a temporary file, not memory
# Editors' images in Wagtail: the same four formats the seller centre accepts.
WAGTAILIMAGES_EXTENSIONS = ["jpg", "jpeg", "png", "webp", "heic"]

# --- Traceability: batches, provenance pages, labels, recalls (docs/traceability.md) -------------
INSTALLED_APPS += ["marketplace.traceability.apps.TraceabilityConfig"]

# --- Returns and refunds; messages between buyers and cooperatives (docs/returns-and-messages.md) --
INSTALLED_APPS += ["marketplace.returns.apps.ReturnsConfig", "marketplace.messaging.apps.MessagingConfig"]
INSTALLED_APPS += ["marketplace.preorders.apps.PreordersConfig"]  # docs/preorders.md

# --- The floor's duties: reports, takedowns, complaints, exports for authorities (docs/moderation.md) ---
INSTALLED_APPS += ["marketplace.moderation.apps.ModerationConfig"]
OSCAR_DASHBOARD_NAVIGATION += [
    {
        "label": _("Vi phạm và khiếu nại"),
        "icon": "fas fa-flag",
        "children": [
            {
                "label": _("Báo cáo vi phạm"),
                "url_name": "moderation:reports",
                "access_fn": lambda user, *args, **kwargs: user.is_staff,
            },
            {
                "label": _("Nội dung đã gỡ"),
                "url_name": "moderation:takedowns",
                "access_fn": lambda user, *args, **kwargs: user.is_staff,
            },
            {
                "label": _("Khiếu nại"),
                "url_name": "moderation:complaints",
                "access_fn": lambda user, *args, **kwargs: user.is_staff,
            },
            {
                "label": _("Trích xuất cho cơ quan chức năng"),
                "url_name": "moderation:exports",
                "access_fn": lambda user, *args, **kwargs: (
                    user.is_superuser or user.has_perm("moderation.export_for_authorities")
                ),
            },
        ],
    }
]
INSTALLED_APPS += ["marketplace.wholesale.apps.WholesaleConfig"]
# The one place the returns period lives: the request form, the services and the policy text read it.
RETURNS_PERIOD_DAYS = env.int_("RETURNS_PERIOD_DAYS", 7)
# A message still unread after this long is emailed to the side that has not read it.
MESSAGES_UNREAD_EMAIL_MINUTES = env.int_("MESSAGES_UNREAD_EMAIL_MINUTES", 15)

# --- Whole pages cached for visitors (docs/performance.md) ------------------------------------
# After messages (it reads what sessions, the locale, CSRF, authentication and messages found),
# before the basket and the rest, which a page served from the cache skips.
_after(
    "django.middleware.clickjacking.XFrameOptionsMiddleware", "marketplace.core.pagecache.PageCacheMiddleware"
)

# Versions of the legal documents and who accepted which (docs/legal.md).
INSTALLED_APPS += ["marketplace.legal.apps.LegalConfig"]
