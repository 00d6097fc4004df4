"""The one reader of the environment.

Every setting that can change between machines is read here and nowhere else.
"""

from __future__ import annotations

import os
from typing import Any

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}
_MISSING = object()


def _raw(name: str, default: Any) -> Any:
    value = os.environ.get(name)
    if value is None:
        if default is _MISSING:
            raise ImproperlyConfigured(f"The environment variable {name} must be set.")
        return default
    return value


def str_(name: str, default: Any = _MISSING) -> str:
    return _raw(name, default)


def bool_(name: str, default: bool = False) -> bool:
    value = _raw(name, None)
    if value is None:
        return default
    lowered = value.strip().lower()
    if lowered in _TRUE:
        return True
    if lowered in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name} must be a boolean, not {value!r}.")


def int_(name: str, default: Any = _MISSING) -> int:
    value = _raw(name, default)
    try:
        return int(value)
    except (TypeError, ValueError) as exc:
        raise ImproperlyConfigured(f"{name} must be an integer, not {value!r}.") from exc


def list_(name: str, default: Any = _MISSING) -> list[str]:
    value = _raw(name, default)
    if isinstance(value, list):
        return value
    return [item.strip() for item in value.split(",") if item.strip()]


def database(name: str = "DATABASE_URL", default: Any = _MISSING) -> dict[str, Any]:
    url = _raw(name, default)
    # A plain dict: the settings add OPTIONS that dj-database-url's TypedDict does not list.
    return dict(dj_database_url.parse(url, conn_max_age=0))


def is_set(name: str) -> bool:
    return bool(os.environ.get(name))
