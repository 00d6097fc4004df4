"""docker-compose.yml and the settings must agree.

The variable names come from the settings' own source (every read goes through
``marketplace.env``), so adding a required setting without adding it to the compose
file, or leaving a variable in the compose file that nothing reads, fails here.
"""

import re
import shutil
import subprocess
from pathlib import Path
from urllib.parse import urlparse

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
SETTINGS_DIR = ROOT / "marketplace" / "settings"
COMPOSE = yaml.safe_load((ROOT / "docker-compose.yml").read_text(encoding="utf-8"))
SERVICES = COMPOSE["services"]
APP_SERVICES = ("web", "worker", "beat")

# env.str_("NAME") / env.bool_("NAME", False) / env.database("NAME") ... ; group 3 is what follows
# the name: ")" means no default (required), "," means a default follows.
ENV_CALL = re.compile(
    r"\benv\.(str_|bool_|int_|list_|database|is_set)\(\s*[\"']([A-Z][A-Z0-9_]*)[\"']\s*([,)])"
)
# env.database() with no argument reads DATABASE_URL, with no default.
BARE_DATABASE_CALL = re.compile(r"\benv\.database\(\s*\)")
STAR_IMPORT = re.compile(r"^from \.(\w+) import \*", re.MULTILINE)
# Compose interpolation: ${NAME}, ${NAME:-default}, ${NAME-default}, ${NAME:?error}, ${NAME?error}.
INTERPOLATION = re.compile(r"\$\{(\w+)(?:(:?[-?])([^}]*))?\}")
# Variables the compose file may set that the settings do not read.
NOT_SETTINGS = {"DJANGO_SETTINGS_MODULE"}


def env_reads(source):
    """{name: required} for every environment read in a settings module's source."""
    reads = {}
    for function, name, after in ENV_CALL.findall(source):
        # bool_ always has a default (False); is_set only asks.
        required = after == ")" and function not in ("bool_", "is_set")
        reads[name] = reads.get(name, False) or required
    if BARE_DATABASE_CALL.search(source):
        reads["DATABASE_URL"] = True
    return reads


def settings_chain(module):
    """The settings module and, first, every module it star-imports (production -> base)."""
    source = (SETTINGS_DIR / f"{module}.py").read_text(encoding="utf-8")
    chain = []
    for parent in STAR_IMPORT.findall(source):
        chain += settings_chain(parent)
    return [*chain, source]


def required_in_production():
    """Names production reads with no default, in itself or in any module it runs first."""
    required = set()
    for source in settings_chain("production"):
        required |= {name for name, is_required in env_reads(source).items() if is_required}
    return required


def read_by_any_settings():
    names = set()
    for path in SETTINGS_DIR.glob("*.py"):
        names |= set(env_reads(path.read_text(encoding="utf-8")))
    return names


def resolve(value):
    """What compose substitutes when the variable is unset: the default, or None when it must be set."""
    required = False

    def substitute(match):
        nonlocal required
        _name, operator, argument = match.groups()
        if operator is None or "?" in operator:
            required = True
            return ""
        return argument

    resolved = INTERPOLATION.sub(substitute, str(value))
    return None if required else resolved


def healthcheck_command(service):
    test = SERVICES[service]["healthcheck"]["test"]
    assert test[0] in ("CMD", "CMD-SHELL"), test
    return " ".join(test[1:])


# --- The scanner itself -------------------------------------------------------------


def test_the_scanner_tells_required_reads_from_defaulted_ones():
    source = """
SECRET_KEY = env.str_("SECRET_KEY")
HOSTS = env.list_( "ALLOWED_HOSTS" )
PORT = env.int_("EMAIL_PORT", 25)
TOKEN = env.str_("NEW_API_TOKEN")
DEBUG = env.bool_("DEBUG")
DATABASES = {"default": env.database()}
ON = env.is_set("FEATURE_X")
"""
    assert env_reads(source) == {
        "SECRET_KEY": True,
        "ALLOWED_HOSTS": True,
        "EMAIL_PORT": False,
        "NEW_API_TOKEN": True,
        "DEBUG": False,
        "DATABASE_URL": True,
        "FEATURE_X": False,
    }


def test_production_builds_on_base():
    chain = settings_chain("production")
    assert len(chain) == 2
    assert chain[-1] == (SETTINGS_DIR / "production.py").read_text(encoding="utf-8")


def test_production_requires_at_least_the_secret_key_the_hosts_and_the_database():
    # If this fails the scanner has gone blind, and the tests below would prove nothing.
    assert {"SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL"} <= required_in_production()


def test_the_resolver_reads_compose_interpolation():
    assert resolve("${SECURE_SSL_REDIRECT:-false}") == "false"
    assert resolve("${STRIPE_SECRET_KEY:-}") == ""
    assert resolve("${SECRET_KEY:?Set it}") is None
    assert resolve("${SECRET_KEY}") is None
    assert resolve("redis://redis:6379/0") == "redis://redis:6379/0"


# --- Services -----------------------------------------------------------------------


def test_the_seven_services_exist():
    assert set(SERVICES) == {"postgres", "redis", "elasticsearch", "web", "worker", "beat", "proxy"}


def test_every_service_has_a_healthcheck():
    for name, service in SERVICES.items():
        assert service.get("healthcheck", {}).get("test"), f"{name} has no healthcheck"
        assert service["healthcheck"].get("disable") is not True, name


def test_the_backing_services_check_themselves():
    assert SERVICES["postgres"]["image"] == "postgres:16"
    assert "pg_isready" in healthcheck_command("postgres")
    assert SERVICES["redis"]["image"] == "redis:7"
    assert healthcheck_command("redis") == "redis-cli ping"
    assert re.fullmatch(
        r"docker\.elastic\.co/elasticsearch/elasticsearch:8\.\d+\.\d+", SERVICES["elasticsearch"]["image"]
    )
    assert "curl" in healthcheck_command("elasticsearch")
    assert "/_cluster/health" in healthcheck_command("elasticsearch")


def test_elasticsearch_is_a_single_insecure_node_with_a_memory_cap():
    environment = SERVICES["elasticsearch"]["environment"]
    assert environment["discovery.type"] == "single-node"
    assert environment["xpack.security.enabled"] == "false"
    assert re.search(r"-Xmx\d+[mg]", environment["ES_JAVA_OPTS"])


def test_the_worker_and_beat_answer_celery_inspect_ping_on_their_own_node():
    assert healthcheck_command("worker") == (
        "celery -A marketplace inspect ping --destination celery@$$HOSTNAME --timeout 10"
    )
    assert healthcheck_command("beat") == (
        "celery -A marketplace inspect ping --destination celerybeat@$$HOSTNAME --timeout 10"
    )
    # Beat only answers a ping with remote control on.
    assert "--enable-remote-control" in SERVICES["beat"]["command"]


def test_the_web_command_migrates_collects_static_then_serves():
    command = SERVICES["web"]["command"]
    assert command[:2] == ["sh", "-c"]
    assert command[2] == (
        "python manage.py migrate --no-input"
        " && python manage.py collectstatic --no-input"
        " && exec gunicorn marketplace.wsgi:application --bind 0.0.0.0:8000 --workers 3"
    )
    # Only the proxy is published; gunicorn is reached through it.
    assert "ports" not in SERVICES["web"] and SERVICES["web"]["expose"] == ["8000"]


def test_the_worker_and_beat_commands():
    assert SERVICES["worker"]["command"] == ["celery", "-A", "marketplace", "worker", "--loglevel=info"]
    assert SERVICES["beat"]["command"][:5] == ["celery", "-A", "marketplace", "beat", "--loglevel=info"]


def test_the_app_services_share_one_image():
    for name in APP_SERVICES:
        assert SERVICES[name]["build"] == ".", name
        assert SERVICES[name]["image"] == "chohtx:local", name


def test_the_app_services_wait_for_a_healthy_database_and_redis():
    for name in APP_SERVICES:
        depends_on = SERVICES[name]["depends_on"]
        for backing in ("postgres", "redis"):
            assert depends_on[backing] == {"condition": "service_healthy"}, f"{name} -> {backing}"
    # Every dependency waits for health, not merely for the container to start.
    for name, service in SERVICES.items():
        for dependency, condition in service.get("depends_on", {}).items():
            assert condition == {"condition": "service_healthy"}, f"{name} -> {dependency}"


def test_data_lives_in_named_volumes():
    volumes = COMPOSE["volumes"]
    assert "pgdata:/var/lib/postgresql/data" in SERVICES["postgres"]["volumes"]
    assert "esdata:/usr/share/elasticsearch/data" in SERVICES["elasticsearch"]["volumes"]
    assert {"pgdata", "esdata", "media", "static"} <= set(volumes)


def test_the_app_services_share_the_media_volume_at_media_root():
    for name in APP_SERVICES:
        media_root = SERVICES[name]["environment"]["MEDIA_ROOT"]
        assert f"media:{media_root}" in SERVICES[name]["volumes"], name


# --- The application's environment --------------------------------------------------


def test_the_app_services_share_the_x_app_env_block():
    app_env = COMPOSE["x-app-env"]
    for name in APP_SERVICES:
        assert SERVICES[name]["environment"] == app_env, name
    assert app_env["DJANGO_SETTINGS_MODULE"] == "marketplace.settings.production"


def test_every_variable_production_requires_is_set_for_web_worker_and_beat():
    required = required_in_production()
    for name in APP_SERVICES:
        environment = SERVICES[name]["environment"]
        missing = required - set(environment)
        assert not missing, f"{name} lacks {sorted(missing)}, which production requires"
        for variable in required:
            # ${NAME:-} would hand production an empty string, which env.str_ accepts.
            assert resolve(environment[variable]) != "", f"{name}: {variable} defaults to empty"


def test_the_secret_key_has_no_default():
    value = COMPOSE["x-app-env"]["SECRET_KEY"]
    assert re.fullmatch(r"\$\{SECRET_KEY:\?[^}]+\}", value), value
    assert resolve(value) is None


def test_every_variable_in_the_app_environment_is_read_by_the_settings():
    dead = set(COMPOSE["x-app-env"]) - read_by_any_settings() - NOT_SETTINGS
    assert not dead, f"nothing in marketplace/settings/ reads {sorted(dead)}"


def test_the_service_urls_name_services_in_this_file():
    environment = COMPOSE["x-app-env"]
    for variable in ("DATABASE_URL", "CELERY_BROKER_URL", "REDIS_URL", "ELASTICSEARCH_URL"):
        hostname = urlparse(resolve(environment[variable])).hostname
        assert hostname in SERVICES, f"{variable} points at {hostname!r}, not a service"
    assert urlparse(environment["DATABASE_URL"]).hostname == "postgres"
    assert urlparse(environment["CELERY_BROKER_URL"]).hostname == "redis"
    assert urlparse(environment["REDIS_URL"]).hostname == "redis"
    assert urlparse(environment["ELASTICSEARCH_URL"]).hostname == "elasticsearch"


def test_the_broker_and_the_cache_use_different_redis_databases():
    environment = COMPOSE["x-app-env"]
    assert urlparse(environment["CELERY_BROKER_URL"]).path != urlparse(environment["REDIS_URL"]).path


def test_the_database_url_matches_the_postgres_service():
    url = urlparse(COMPOSE["x-app-env"]["DATABASE_URL"])
    postgres = SERVICES["postgres"]["environment"]
    assert url.scheme == "postgres"
    assert url.port == 5432
    assert url.username == postgres["POSTGRES_USER"]
    assert url.password == postgres["POSTGRES_PASSWORD"]
    assert url.path == f"/{postgres['POSTGRES_DB']}"


def test_local_compose_serves_plain_http_and_stripe_is_optional():
    environment = COMPOSE["x-app-env"]
    assert resolve(environment["SECURE_SSL_REDIRECT"]) == "false"
    for variable in ("STRIPE_SECRET_KEY", "STRIPE_PUBLISHABLE_KEY", "STRIPE_WEBHOOK_SECRET"):
        assert resolve(environment[variable]) == "", variable


def test_media_and_static_live_under_the_image_var_directory():
    environment = COMPOSE["x-app-env"]
    assert environment["MEDIA_ROOT"] == "/app/var/media"
    assert environment["STATIC_ROOT"] == "/app/var/static"


# --- The image ----------------------------------------------------------------------


def test_the_image_runs_as_an_unprivileged_user_from_app():
    dockerfile = (ROOT / "Dockerfile").read_text(encoding="utf-8")
    assert re.search(r"^FROM python:3\.11-slim$", dockerfile, re.MULTILINE)
    assert re.search(r"^WORKDIR /app$", dockerfile, re.MULTILINE)
    assert "pip install -r requirements.txt" in dockerfile
    users = re.findall(r"^USER (\S+)$", dockerfile, re.MULTILINE)
    assert users, "the image runs as root"
    assert users[-1] not in ("root", "0")
    # The directory MEDIA_ROOT and STATIC_ROOT live in belongs to that user.
    assert f"chown -R {users[-1]}:{users[-1]} var" in dockerfile


def test_the_build_context_leaves_out_the_virtualenv_local_data_and_git():
    ignored = (ROOT / ".dockerignore").read_text(encoding="utf-8").split()
    assert {".git", ".venv", "var", ".env"} <= set(ignored)


# --- The reverse proxy (deploy/nginx.conf) -------------------------------------------

NGINX_CONF = ROOT / "deploy" / "nginx.conf"


def nginx_locations():
    """{location: its directives} of the nginx configuration, by a plain reading of its blocks."""
    text = re.sub(r"#[^\n]*", "", NGINX_CONF.read_text(encoding="utf-8"))
    return {
        match.group(1).strip(): match.group(2)
        for match in re.finditer(r"location\s+([^{]+)\{([^}]*)\}", text)
    }


def test_nginx_is_the_only_published_service_and_waits_for_the_web_app():
    proxy = SERVICES["proxy"]
    assert re.fullmatch(r"nginx:1\.\d+", proxy["image"])
    assert proxy["ports"] == ["8000:80"]
    assert proxy["depends_on"] == {"web": {"condition": "service_healthy"}}
    assert "/nginx-health" in healthcheck_command("proxy")
    published = {name for name, service in SERVICES.items() if service.get("ports")}
    assert published == {"proxy"}


def test_nginx_reads_the_repository_config_and_the_volumes_the_web_app_fills():
    volumes = SERVICES["proxy"]["volumes"]
    assert "./deploy/nginx.conf:/etc/nginx/nginx.conf:ro" in volumes
    static_root = COMPOSE["x-app-env"]["STATIC_ROOT"]
    media_root = COMPOSE["x-app-env"]["MEDIA_ROOT"]
    assert f"static:{static_root}" in SERVICES["web"]["volumes"]  # collectstatic writes here
    assert "static:/srv/static:ro" in volumes and "media:/srv/media:ro" in volumes
    assert f"media:{media_root}" in SERVICES["web"]["volumes"]


def test_nginx_serves_static_and_media_from_those_volumes_and_proxies_the_rest():
    locations = nginx_locations()
    assert re.search(r"alias /srv/static/;", locations["/static/"])
    assert re.search(r"alias /srv/media/;", locations["/media/"])
    assert "proxy_pass" not in locations["/static/"] and "proxy_pass" not in locations["/media/"]
    assert re.search(r"proxy_pass http://gunicorn;", locations["/"])
    assert re.search(r"upstream gunicorn \{\s*server web:8000;", NGINX_CONF.read_text(encoding="utf-8"))
    # Private documents have no location: they are not under the media folder.
    assert not any("private" in location for location in locations)


def test_nginx_sets_the_headers_production_trusts():
    production = (SETTINGS_DIR / "production.py").read_text(encoding="utf-8")
    assert 'SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")' in production
    proxied = nginx_locations()["/"]
    # Overwritten, not passed on from the visitor: SECURE_PROXY_SSL_HEADER trusts it.
    assert re.search(r"proxy_set_header X-Forwarded-Proto \$scheme;", proxied)
    assert re.search(r"proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;", proxied)
    assert re.search(r"proxy_set_header Host \$host;", proxied)
    assert COMPOSE["x-app-env"]["TRUSTED_PROXY_COUNT"] == "1"


def test_nginx_refuses_bodies_larger_than_django_accepts():
    from django.conf import settings

    size = re.search(r"client_max_body_size (\d+)m;", NGINX_CONF.read_text(encoding="utf-8"))
    assert size and int(size.group(1)) * 1024 * 1024 == settings.REQUEST_BODY_MAX_BYTES


def test_nginx_accepts_the_config(tmp_path):
    """`nginx -t` on the file, with the compose service name and volumes mapped to this machine."""
    nginx = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)
    if nginx is None:
        pytest.skip("nginx is not installed (Debian: apt-get install nginx-light)")
    mime_types = Path("/etc/nginx/mime.types")
    if not mime_types.exists():
        pytest.skip("nginx's mime.types is missing")
    text = NGINX_CONF.read_text(encoding="utf-8").replace("server web:8000;", "server 127.0.0.1:8000;")
    text = text.replace("listen 80 default_server;", "listen 127.0.0.1:18080 default_server;")
    config = tmp_path / "nginx.conf"
    config.write_text(text, encoding="utf-8")
    result = subprocess.run(  # noqa: S603
        [nginx, "-t", "-q", "-p", str(tmp_path), "-c", str(config), "-e", str(tmp_path / "error.log")],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert result.returncode == 0, result.stderr
