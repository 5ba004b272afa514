"""Browser-test fixtures: one Debian Chromium per session, a fresh context per test, screenshots, login."""

import os
import shutil
from pathlib import Path

from django.db import connections

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Locator, Page, expect, sync_playwright

ASYNC_UNSAFE = "DJANGO_ALLOW_ASYNC_UNSAFE"

E2E_DIR = Path(__file__).parent
SCREENSHOT_DIR = E2E_DIR / "screenshots"
VIEWPORTS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 800}}
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
]
BLOCKING_IMPACTS = {"serious", "critical"}
AXE = Axe()  # ships axe.min.js in the wheel: runs offline
# Short timeouts: a missing element should fail the test in seconds, not hang CI.
ACTION_TIMEOUT_MS = 10_000
NAVIGATION_TIMEOUT_MS = 20_000


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items):
    """Every test in this folder is a browser test against the live server.

    serialized_rollback: the live server needs a transactional database, whose flush would otherwise wipe
    the rows the data migrations create (home page, library page, groups, workflow) for the next test.
    """
    for item in items:
        if E2E_DIR in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.e2e)
            item.add_marker(pytest.mark.django_db(transaction=True, serialized_rollback=True))


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_protocol(item, nextitem):
    """Playwright's sync API runs an event loop in the test thread; the ORM calls made meanwhile (factories,
    database flushes) are still synchronous and safe, so Django's async guard must not refuse them.

    Only around browser tests: other tests (e.g. `check --deploy` in a subprocess) must not inherit it.
    """
    if E2E_DIR not in Path(str(item.fspath)).parents:  # this hook is called for every test of the session
        yield
        return
    previous = os.environ.get(ASYNC_UNSAFE)
    os.environ[ASYNC_UNSAFE] = "true"
    try:
        yield
    finally:
        if previous is None:
            os.environ.pop(ASYNC_UNSAFE, None)
        else:
            os.environ[ASYNC_UNSAFE] = previous


@pytest.fixture(autouse=True)
def _fresh_sqlite_search_probe(monkeypatch):
    """modelsearch decides once per process whether SQLite full-text search works, by querying the database.

    If that first probe ran during tests/portal/test_database_down.py's simulated outage, it settled on the
    plain fallback backend (no Turkish folding) for the rest of the session; let each browser test re-probe.
    """
    from modelsearch.backends import database

    monkeypatch.setattr(database, "USE_SQLITE_FTS", None)


@pytest.fixture(autouse=True)
def _serve_media(settings):
    """Tests keep uploads in memory and DEBUG is off, so nothing serves them; this URLconf does."""
    settings.ROOT_URLCONF = "tests.e2e.urls"


def serialized_contents() -> dict:
    return {alias: getattr(connections[alias], "_test_serialized_contents", None) for alias in connections}


def carry_serialized_contents(serialized: dict) -> None:
    for alias, contents in serialized.items():
        if contents and not getattr(connections[alias], "_test_serialized_contents", None):
            connections[alias]._test_serialized_contents = contents


# Package scope: Playwright is stopped after the last browser test, so the tests pytest-django runs later in
# this thread (its event loop gone) may use the ORM again without Django's async guard refusing.
@pytest.fixture(scope="package")
def browser() -> Browser:
    executable = shutil.which("chromium")
    if executable is None:
        pytest.fail(
            "Browser tests need Debian's Chromium on PATH: run `apt-get install -y chromium` "
            "(Playwright's own browser download is neither needed nor used).",
            pytrace=False,
        )
    # Django's connection handler keeps its connections in context-local storage. Starting Playwright's sync
    # API leaves this thread in another context, where fresh connection objects lack the copy of the data
    # migrations' rows that serialized_rollback restores from, if the test database was set up (by earlier,
    # non-browser tests) before the browser started. Carry that copy over.
    serialized = {
        alias: getattr(connections[alias], "_test_serialized_contents", None)
        for alias in connections.settings
    }
    playwright = sync_playwright().start()
    carry_serialized_contents(serialized)
    browser = playwright.chromium.launch(executable_path=executable, headless=True, args=CHROMIUM_ARGS)
    yield browser
    serialized = serialized_contents()
    browser.close()
    playwright.stop()
    carry_serialized_contents(serialized)


@pytest.fixture(params=list(VIEWPORTS))
def viewport(request) -> str:
    """Journeys run twice: at a phone width and at a desktop width."""
    return request.param


@pytest.fixture
def new_page(browser, live_server, viewport):
    """Opens a page in a fresh browser context (its own cookies: another person) at the test's viewport."""
    contexts = []

    def open_page() -> Page:
        context = browser.new_context(
            base_url=live_server.url,
            viewport=VIEWPORTS[viewport],
            locale="tr-TR",
            timezone_id="Europe/Istanbul",
        )
        context.set_default_timeout(ACTION_TIMEOUT_MS)
        context.set_default_navigation_timeout(NAVIGATION_TIMEOUT_MS)
        # The admin editor pings and releases its "editing session" in the background (also on unload).
        # Against the single SQLite connection the live server shares with the test, such a request racing
        # the next page load fails with "database table is locked"; the journeys do not need presence pings.
        context.route("**/admin/editing-sessions/**", lambda route: route.abort())
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_page) -> Page:
    return new_page()


@pytest.fixture
def desktop_page(browser, live_server) -> Page:
    """For checks that do not depend on the width (accessibility, keyboard)."""
    context = browser.new_context(base_url=live_server.url, viewport=VIEWPORTS["desktop"], locale="tr-TR")
    context.set_default_timeout(ACTION_TIMEOUT_MS)
    context.set_default_navigation_timeout(NAVIGATION_TIMEOUT_MS)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def screenshot(viewport):
    """Saves the journey's last step as tests/e2e/screenshots/<journey>-<viewport>.png for reviewers."""

    def take(page: Page, journey: str) -> Path:
        SCREENSHOT_DIR.mkdir(exist_ok=True)
        path = SCREENSHOT_DIR / f"{journey}-{viewport}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return take


PASSWORD = "pass"  # tests/conftest.py make_user()


def log_in(page: Page, username: str, password: str = PASSWORD) -> None:
    """Logs in through Wagtail's admin login form, as a person would."""
    page.goto("/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.locator("form button[type=submit]").first.click()
    page.wait_for_url(lambda url: "/admin/login/" not in url)


def describe_violations(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        impact, rule = violation["impact"], violation["id"]
        lines.append(f"[{impact}] {rule}: {violation['help']} ({violation['helpUrl']})")
        lines.extend(f"    {node['target']}: {node['failureSummary']!r}" for node in violation["nodes"][:5])
    return "\n".join(lines)


def assert_accessible(page: Page, name: str) -> list[dict]:
    """Runs axe-core on the page as it is now; fails on serious or critical violations, listing them all."""
    violations = AXE.run(page).response["violations"]
    blocking = [v for v in violations if v["impact"] in BLOCKING_IMPACTS]
    assert not blocking, f"axe on {name} ({page.url}) found:\n{describe_violations(violations)}"
    return violations


def is_form_post(response) -> bool:
    return response.request.method == "POST" and response.request.resource_type == "document"


def submit_admin_form(page: Page, button: Locator) -> None:
    """Clicks an admin form's submit button and expects the redirect that means "saved".

    Wagtail answers a refused form with the form again (200); the failure then lists the form's own messages,
    including errors on tabs that are not shown.
    """
    with page.expect_response(is_form_post, timeout=NAVIGATION_TIMEOUT_MS) as posted:
        button.click()
    page.wait_for_load_state()
    status = posted.value.status
    if status not in (301, 302, 303):
        texts = page.locator(".w-field__errors, .messages, .error-message").all_text_contents()
        errors = [" ".join(text.split()) for text in texts if text.strip()]
        errors += page.locator("[data-contentpath]:has(.error-message)").evaluate_all(
            "fields => fields.map(field => field.dataset.contentpath)"
        )
        pytest.fail(f"the admin refused the form ({status}) at {page.url}: {errors}")


def open_details(page: Page, selector: str) -> None:
    """Opens a <details> (the header menu on a phone, the filter panel) by clicking its summary, as a
    visitor would; does nothing where it is open already (wide screens)."""
    details = page.locator(selector)
    if details.get_attribute("open") is None:
        details.locator("> summary").click()
    expect(details).to_have_attribute("open", "")
