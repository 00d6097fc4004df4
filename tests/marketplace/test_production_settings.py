"""Production refuses to start without its secrets, and passes Django's deployment checks with them.

Each check runs ``manage.py`` in a fresh interpreter, because settings are read once per process.
"""

import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from marketplace import env

ROOT = Path(__file__).resolve().parent.parent.parent
REQUIRED = ("SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL")


def settings_variables():
    """Every environment variable the settings read (they all go through marketplace.env)."""
    names = set()
    for path in (ROOT / "marketplace" / "settings").glob("*.py"):
        names |= set(
            re.findall(r"\benv\.\w+\(\s*[\"']([A-Z][A-Z0-9_]*)[\"']", path.read_text(encoding="utf-8"))
        )
    return names


def production_env(**variables):
    """This process's environment without anything the settings read, on production settings."""
    environment = dict(os.environ)
    for name in settings_variables() | {"DJANGO_SETTINGS_MODULE", "CELERY_BROKER_URL", "REDIS_URL"}:
        environment.pop(name, None)
    environment["DJANGO_SETTINGS_MODULE"] = "marketplace.settings.production"
    environment.update(variables)
    return environment


def complete(tmp_path):
    return {
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "chohtx.example.vn",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'x.sqlite3'}",
    }


def manage(environment, *args):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_the_clean_environment_really_is_clean(tmp_path):
    environment = production_env()
    for name in (*REQUIRED, "CELERY_BROKER_URL", "REDIS_URL", "DEBUG", "SECURE_SSL_REDIRECT"):
        assert name not in environment
    assert environment["DJANGO_SETTINGS_MODULE"] == "marketplace.settings.production"
    assert len(complete(tmp_path)["SECRET_KEY"]) >= 50


@pytest.mark.parametrize("missing", REQUIRED)
def test_production_refuses_to_start_without_a_required_variable(tmp_path, missing):
    variables = complete(tmp_path)
    del variables[missing]

    result = manage(production_env(**variables), "check")

    assert result.returncode != 0
    assert f"ImproperlyConfigured: The environment variable {missing} must be set." in result.stderr
    # Only the missing variable is named.
    for present in set(REQUIRED) - {missing}:
        assert f"The environment variable {present} must be set" not in result.stderr


def test_production_passes_the_deployment_checks_without_a_warning(tmp_path):
    result = manage(production_env(**complete(tmp_path)), "check", "--deploy", "--fail-level", "WARNING")

    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "WARNINGS" not in output
    assert "ERRORS" not in output
    # The only silenced checks are django-ratelimit's cache checks: W001 (Django's RedisCache
    # increments atomically) and, without REDIS_URL, E003 (one process, local memory).
    assert "System check identified no issues (2 silenced)." in output
    # The check needs no database: nothing was created.
    assert not (tmp_path / "x.sqlite3").exists()


# --- marketplace.env ----------------------------------------------------------------


def test_a_bad_boolean_is_refused_with_its_name_and_value(monkeypatch):
    monkeypatch.setenv("CHOHTX_TEST_FLAG", "maybe")

    with pytest.raises(ImproperlyConfigured) as excinfo:
        env.bool_("CHOHTX_TEST_FLAG")

    assert str(excinfo.value) == "CHOHTX_TEST_FLAG must be a boolean, not 'maybe'."


def test_a_bad_boolean_is_refused_even_with_a_default(monkeypatch):
    monkeypatch.setenv("CHOHTX_TEST_FLAG", "2")

    with pytest.raises(ImproperlyConfigured, match=r"^CHOHTX_TEST_FLAG must be a boolean, not '2'\.$"):
        env.bool_("CHOHTX_TEST_FLAG", True)


def test_a_bad_integer_is_refused_with_its_name_and_value(monkeypatch):
    monkeypatch.setenv("CHOHTX_TEST_PORT", "twenty-five")

    with pytest.raises(ImproperlyConfigured) as excinfo:
        env.int_("CHOHTX_TEST_PORT", 25)

    assert str(excinfo.value) == "CHOHTX_TEST_PORT must be an integer, not 'twenty-five'."
    assert isinstance(excinfo.value.__cause__, ValueError)


def test_a_missing_required_variable_is_named(monkeypatch):
    monkeypatch.delenv("CHOHTX_TEST_SECRET", raising=False)

    with pytest.raises(ImproperlyConfigured) as excinfo:
        env.str_("CHOHTX_TEST_SECRET")

    assert str(excinfo.value) == "The environment variable CHOHTX_TEST_SECRET must be set."


def test_good_booleans_and_integers_are_read(monkeypatch):
    monkeypatch.setenv("CHOHTX_TEST_FLAG", " Yes ")
    monkeypatch.setenv("CHOHTX_TEST_PORT", "587")
    monkeypatch.delenv("CHOHTX_TEST_UNSET", raising=False)

    assert env.bool_("CHOHTX_TEST_FLAG") is True
    assert env.int_("CHOHTX_TEST_PORT") == 587
    assert env.bool_("CHOHTX_TEST_UNSET", True) is True
    assert env.int_("CHOHTX_TEST_UNSET", 25) == 25


def test_load_demo_refuses_to_run_with_production_settings(tmp_path):
    result = manage(production_env(**complete(tmp_path)), "load_demo", "--domain", "chohtx.example.vn")
    assert result.returncode != 0
    assert "load_demo refuses to run with production settings" in result.stderr
    assert "Demo data ready" not in result.stdout
    assert not (tmp_path / "x.sqlite3").exists() or (tmp_path / "x.sqlite3").stat().st_size == 0


def test_with_redis_the_cache_and_sessions_live_there_so_web_processes_keep_no_state(tmp_path):
    variables = complete(tmp_path) | {"REDIS_URL": "redis://127.0.0.1:6379/8"}
    code = "from django.conf import settings as s; print(s.CACHES['default']['BACKEND'], s.SESSION_ENGINE)"
    result = manage(production_env(**variables), "shell", "-c", code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1].split() == [
        "django.core.cache.backends.redis.RedisCache",
        "django.contrib.sessions.backends.cached_db",
    ]
