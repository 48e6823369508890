"""The operator console in real headless Chromium (Debian's `chromium`, driven by Playwright), against the whole
running system: one stack for the browser tests, a fresh browser context (no stored login) per test, and a
screenshot of every test's last screen in tests/browser/artifacts/ (ignored by git)."""

import os
import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import Browser, ConsoleMessage, Page, Playwright, expect, sync_playwright

from parley_devstack import Infrastructure
from parley_devstack.services import RunningStack
from tests.auth import DEMO_PASSWORD
from tests.stack import running_stack

ARTIFACTS = Path(__file__).parent / "artifacts"
expect.set_options(timeout=10_000)


def chromium_path() -> str:
    found = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or shutil.which("chromium-browser")
    if not found:
        pytest.fail("headless Chromium is missing: `make browser` installs Debian's chromium (make test does)")
    return found


@pytest.fixture(scope="package")
def stack(infra: Infrastructure, tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningStack]:
    with running_stack(infra, tmp_path_factory.mktemp("browser-logs"), ROSTER_REFRESH_SECONDS="0") as running:
        yield running


@pytest.fixture(scope="package")
def playwright() -> Iterator[Playwright]:
    with sync_playwright() as started:
        yield started


@pytest.fixture(scope="package")
def browser(playwright: Playwright) -> Iterator[Browser]:
    # --no-sandbox: CI runs as root, where Chromium's sandbox cannot start.
    launched = playwright.chromium.launch(executable_path=chromium_path(), args=["--no-sandbox"])
    yield launched
    launched.close()


@pytest.fixture
def console_errors() -> list[str]:
    return []


@pytest.fixture
def page(browser: Browser, request: pytest.FixtureRequest, console_errors: list[str]) -> Iterator[Page]:
    """A fresh browser profile per test; script errors and refused resources (the CSP) are collected, and a
    test fails on any of them after its own assertions."""
    context = browser.new_context(viewport={"width": 1366, "height": 860})
    opened = context.new_page()

    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error":
            console_errors.append(message.text)

    opened.on("console", on_console)
    opened.on("pageerror", lambda error: console_errors.append(str(error)))
    yield opened
    ARTIFACTS.mkdir(exist_ok=True)
    try:
        opened.screenshot(path=str(ARTIFACTS / f"{request.node.name}.png"), full_page=False)
    finally:
        context.close()


@pytest.fixture
def console(stack: RunningStack) -> str:
    return stack.url("dashboard-api")


@pytest.fixture
def http() -> Iterator[httpx.Client]:
    with httpx.Client(timeout=30) as client:
        yield client


def log_in(page: Page, console: str, email: str, password: str = DEMO_PASSWORD) -> None:
    page.goto(console + "/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_test_id("live-status")).to_have_text("live")


def serious_accessibility_violations(page: Page) -> list[str]:
    """axe-core (the console build's copy, loaded from the page's own origin: the CSP allows it) on the page as
    it is now: the critical and serious violations, one line each."""
    page.add_script_tag(url="/vendor/axe/axe.min.js")
    results = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{v['impact']}: {v['id']} ({len(v['nodes'])}x) {v['help']}: {v['nodes'][0]['target']}"
        for v in results["violations"]
        if v["impact"] in ("critical", "serious")
    ]


def api_login(http: httpx.Client, api: str, email: str) -> dict[str, str]:
    response = http.post(api + "/api/auth/login", json={"email": email, "password": DEMO_PASSWORD})
    assert response.status_code == 200, response.text
    return {"Authorization": f"Bearer {response.json()['access_token']}"}


def wait_until(check, timeout: float = 30.0, every: float = 0.25):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if found := check():
            return found
        time.sleep(every)
    return check()
