"""Developer laptop: the embedded default (SQLite, eager Celery, database search)."""

from .base import *  # noqa: F403
from .base import env

DEBUG = env.bool_("DEBUG", True)
