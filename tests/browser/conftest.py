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

A failing test leaves a screenshot of each of its pages in var/test-results/<test-name>.png.
"""

import os
import re
import shutil
from pathlib import Path

import pytest

# Playwright's sync API keeps an asyncio event loop running in the test thread, and Django then refuses
# ORM calls from that thread ("You cannot call this from an async context"). The test thread never runs
# real async code, so the check is switched off for this process.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

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


def pytest_collection_modifyitems(config, items):
    for item in items:
        if BROWSER_DIR in Path(str(item.path)).resolve().parents:
            item.add_marker(pytest.mark.browser)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    setattr(item, f"report_{report.when}", report)
    return report


def chromium_executable():
    configured = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
    return shutil.which(configured) or (configured if os.access(configured, os.X_OK) else None)


@pytest.fixture(scope="session")
def browser():
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
    the Locale) before each test, so `/` and the shop work whatever ran before."""
    return live_server.url


def _open_page(request, browser, base_url, options):
    context = browser.new_context(
        base_url=base_url, locale="vi-VN", timezone_id="Asia/Ho_Chi_Minh", **options
    )
    context.set_default_timeout(10_000)
    page = context.new_page()
    page.errors = []  # uncaught JavaScript errors, for tests that want to assert there are none
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    request.node.browser_pages = [*getattr(request.node, "browser_pages", []), page]
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
    """A page in a new context. Context options (viewport, is_mobile, …) come from indirect parametrisation."""
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
