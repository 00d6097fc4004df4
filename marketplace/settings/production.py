"""Production: every secret comes from the environment, and none has a default."""

from .base import *  # noqa: F403
from .base import STORAGES, env

SECRET_KEY = env.str_("SECRET_KEY")
ALLOWED_HOSTS = env.list_("ALLOWED_HOSTS")
DATABASES = {"default": env.database("DATABASE_URL")}
DEBUG = False
SERVE_MEDIA = env.bool_("SERVE_MEDIA", False)  # a web server or object store serves media
DEMO_DATA_ALLOWED = False  # load_demo refuses to run (its accounts' password is public)

# Uploads as base.py chose them (local folders, or the bucket with AWS_STORAGE_BUCKET_NAME).
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"}}

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool_("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = env.int_("SECURE_HSTS_SECONDS", 60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
OSCAR_BASKET_COOKIE_SECURE = True
OSCAR_RECENTLY_VIEWED_COOKIE_SECURE = True
OSCAR_URL_SCHEMA = "https"
