"""Test settings: the same suite runs on SQLite or, with DATABASE_URL, on PostgreSQL.

Celery stays eager for the suite; the broker test switches eager mode off itself.
"""

import tempfile

from .base import *  # noqa: F403
from .base import env

CELERY_TASK_ALWAYS_EAGER = True
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = tempfile.mkdtemp(prefix="chohtx-media-")
PRIVATE_MEDIA_ROOT = tempfile.mkdtemp(prefix="chohtx-private-")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "private": {"BACKEND": "marketplace.partner.storage.PrivateStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "OPTIONS": {"MAX_ENTRIES": 20000},
    },
    "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "pages"},
}
DEBUG = False
ALLOWED_HOSTS = ["*"]
LOGGING["root"]["level"] = env.str_("LOG_LEVEL", "WARNING")  # noqa: F405

# A second alias on the same test database, for the read-replica router's test (no router is
# configured here, so nothing else reads through it).
DATABASES["replica"] = {**DATABASES["default"], "TEST": {"MIRROR": "default"}}  # noqa: F405
