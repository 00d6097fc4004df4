"""Browser tests: Debian's Chromium, driven by Playwright's sync API, against pytest-django's live server.

Every test in this folder is marked ``browser``. When Chromium is absent (or cannot start) they are
skipped with a note on how to enable them: ``apt-get install chromium``, or point CHROMIUM_PATH at a
Chromium/Chrome binary. Playwright's own browser downloads are never used.

Fixtures:
    browser       one headless Chromium for the session
    live_shop     the live server's base URL, with the database as migrations left it (Wagtail home page)
    page          a fresh browser context and page per test, its base_url on the live server;
                  pass context options with ``@pytest.mark.parametrize("page", [{...}], indirect=True)``
    phone_page    the same on a 360×740 touch phone

A failing test leaves a screenshot of its page in var/test-results/<test-name>.png.

The browser tests run after all the others, and Django's async-safety check is relaxed only while they
run: see pytest_collection_modifyitems and async_unsafe_allowed below.
"""

import os
import re
import shutil
from contextlib import contextmanager
from pathlib import Path

import pytest

BROWSER_DIR = Path(__file__).resolve().parent
RESULTS_DIR = BROWSER_DIR.parents[1] / "var" / "test-results"
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PHONE = {
    "viewport": {"width": 360, "height": 740},
    "is_mobile": True,
    "has_touch": True,
    "device_scale_factor": 2,
}
HOW_TO_ENABLE = (
    "install Debian's Chromium (`apt-get install chromium`) or set CHROMIUM_PATH to a Chromium binary"
)


def is_browser_test(item):
    return BROWSER_DIR in Path(str(item.path)).resolve().parents


def pytest_collection_modifyitems(config, items):
    """Mark the browser tests, and run them last.

    Once Playwright's sync API has started, an asyncio event loop stays "running" in the main thread
    until the session's `browser` is closed, and Django refuses ORM calls from a thread with a running
    loop. Running the browser tests last keeps every other test free of that loop."""
    browser_tests = [item for item in items if is_browser_test(item)]
    for item in browser_tests:
        item.add_marker(pytest.mark.browser)
    if browser_tests:
        chosen = {id(item) for item in browser_tests}
        items[:] = [item for item in items if id(item) not in chosen] + browser_tests


@contextmanager
def async_unsafe_allowed():
    """Let Django use the database from the test thread despite Playwright's running event loop.

    The test thread runs no real async code. The variable is set only while a browser test's setup, call
    and teardown run (this conftest's runtest hooks see only tests in this folder), so it never reaches
    other tests or the subprocesses they start (`manage.py check --deploy` rejects it)."""
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        yield
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.hookimpl(wrapper=True)
def pytest_runtest_setup(item):
    with async_unsafe_allowed():
        return (yield)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item):
    with async_unsafe_allowed():
        return (yield)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    with async_unsafe_allowed():
        return (yield)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    setattr(item, f"report_{report.when}", report)
    return report


def chromium_executable():
    configured = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
    return shutil.which(configured) or (configured if os.access(configured, os.X_OK) else None)


@pytest.fixture(scope="session")
def browser(request):
    executable = chromium_executable()
    if executable is None:
        pytest.skip(
            f"browser tests need Chromium: none at {os.environ.get('CHROMIUM_PATH', '/usr/bin/chromium')}; "
            f"{HOW_TO_ENABLE}"
        )
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("browser tests need the playwright package (pip install playwright; no browser download)")

    # The test databases first: session fixtures are torn down in reverse, so Playwright's event loop
    # stops before Django closes and destroys them (Django refuses that with a running loop).
    request.getfixturevalue("django_db_setup")
    _keep_serialized_contents()
    playwright = sync_playwright().start()
    try:
        chromium = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
    except Exception as exc:
        playwright.stop()
        pytest.skip(
            f"Chromium at {executable} did not start ({exc.__class__.__name__}: "
            f"{str(exc).splitlines()[0] if str(exc) else ''}); {HOW_TO_ENABLE}"
        )
    yield chromium
    chromium.close()
    playwright.stop()


@pytest.fixture
def live_shop(live_server, django_db_serialized_rollback):
    """The live server's URL. The test runs in a TransactionTestCase that flushes the database at its end;
    serialized rollback reloads what migrations created (Wagtail's root and home page, the default Site,
    the Locales, the root collection, …) before each test, so pages work whatever ran before."""
    return live_server.url


@pytest.fixture(autouse=True)
def _migrated_data(request):
    """Runs before the test's other fixtures, so the data they create is not touched."""
    if "live_server" in request.fixturenames:
        request.getfixturevalue("transactional_db")
        _restore_serialized_contents()


_SERIALIZED_CONTENTS: dict[str, str] = {}


def _keep_serialized_contents():
    """Django keeps the migrated data it serialized on the connection object that created the test
    database. Once Playwright's event loop runs, this thread sees another connection object (Django's
    connections are context-local), so Django's own restore finds nothing: keep the data here."""
    from django.db import connection

    contents = getattr(connection, "_test_serialized_contents", None)
    if contents:
        _SERIALIZED_CONTENTS["default"] = contents


def _restore_serialized_contents():
    from django.apps import apps
    from django.core.management import call_command
    from django.core.management.color import no_style
    from django.db import connection
    from wagtail.models import Page

    if hasattr(connection, "_test_serialized_contents") or "default" not in _SERIALIZED_CONTENTS:
        return  # Django restored it itself
    if Page.objects.exists():
        return  # nothing flushed it since the migrations ran
    # An earlier flush re-created content types and permissions with new ids: clear them first.
    call_command("flush", interactive=False, inhibit_post_migrate=True, verbosity=0)
    connection.creation.deserialize_db_from_string(_SERIALIZED_CONTENTS["default"])
    # The rows came back with their ids: move the id sequences past them (PostgreSQL).
    tables = set(connection.introspection.table_names())
    models = [m for m in apps.get_models(include_auto_created=True) if m._meta.db_table in tables]
    statements = connection.ops.sequence_reset_sql(no_style(), models)
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


def _open_page(request, browser, base_url, options):
    context = browser.new_context(
        base_url=base_url, locale="vi-VN", timezone_id="Asia/Ho_Chi_Minh", **options
    )
    context.set_default_timeout(10_000)
    page = context.new_page()
    page.errors = []  # uncaught JavaScript errors, for tests that want to assert there are none
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    return context, page


def _close_page(request, context, page, suffix=""):
    report = getattr(request.node, "report_call", None)
    if report is not None and report.failed and not page.is_closed():
        RESULTS_DIR.mkdir(parents=True, exist_ok=True)
        name = re.sub(r"[^\w.-]+", "_", request.node.name).strip("_")
        try:
            page.screenshot(path=RESULTS_DIR / f"{name}{suffix}.png", full_page=True)
        except Exception as exc:  # a screenshot must not hide the real failure
            print(f"no failure screenshot for {request.node.nodeid}: {exc}")
    context.close()


@pytest.fixture
def page(request, browser, live_shop):
    """A page in a new context; context options (viewport, is_mobile, …) by indirect parametrisation."""
    options = dict(getattr(request, "param", None) or {})
    context, page = _open_page(request, browser, live_shop, options)
    yield page
    _close_page(request, context, page)


@pytest.fixture
def phone_page(request, browser, live_shop):
    """A page on a 360×740 touch phone."""
    context, page = _open_page(request, browser, live_shop, PHONE)
    yield page
    _close_page(request, context, page, suffix="-phone")
