"""Browser fixtures: Debian's Chromium driven by Playwright against the live server.

`browser_page` is a phone-sized page that records requests to other hosts (aborted: no third party may be
asked), console errors and dialogs, and runs axe. After each test the live server is made quiet before the
database flush (see `release_live_server_connections`).
"""

import threading
import time
from urllib.parse import urlsplit

import pytest

from conftest import CHROMIUM

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


@pytest.fixture(scope="session")
def chromium():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class BrowserPage:
    """A Playwright page that records what a privacy or accessibility test needs to assert."""

    def __init__(self, page, base_url):
        self.page = page
        self.base_url = base_url.rstrip("/")
        self.own_host = urlsplit(self.base_url).netloc
        self.foreign_requests: list[str] = []
        self.console_errors: list[str] = []
        self.dialogs: list[str] = []
        page.route("**/*", self._route)
        page.on("console", lambda msg: msg.type == "error" and self.console_errors.append(msg.text))
        page.on("pageerror", lambda exc: self.console_errors.append(str(exc)))
        page.on("dialog", self._dialog)

    def _route(self, route):
        url = route.request.url
        if url.startswith(("data:", "blob:", "about:")) or urlsplit(url).netloc == self.own_host:
            route.continue_()
        else:
            self.foreign_requests.append(url)
            route.abort()

    def _dialog(self, dialog):
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def goto(self, path: str):
        return self.page.goto(self.base_url + path, wait_until="load")

    def log_in(self, username: str, password: str) -> None:
        """Through the admin's login form, as a person would; ends on the page the login leads to."""
        self.goto("/admin/login/")
        self.page.fill("#id_username", username)
        self.page.fill("#id_password", password)
        with self.page.expect_navigation():
            self.page.click("button[type=submit]")

    def axe_violations(self, context=None) -> list[dict]:
        from axe_playwright_python.sync_playwright import Axe

        options = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
        results = Axe().run(self.page, context=context, options=options)
        return [
            {"id": v["id"], "help": v["help"], "nodes": [n["target"] for n in v["nodes"]][:5]}
            for v in results.response["violations"]
        ]


class _LiveServerRequests:
    """Requests the live server is handling (in its own threads), so that a test can wait for them."""

    def __init__(self):
        self.count, self.started_total, self.condition = 0, 0, threading.Condition()

    def started(self, **kwargs):
        if threading.current_thread() is not threading.main_thread():
            with self.condition:
                self.count += 1
                self.started_total += 1
                self.condition.notify_all()

    def finished(self, **kwargs):
        if threading.current_thread() is not threading.main_thread():
            with self.condition:
                self.count = max(0, self.count - 1)
                self.condition.notify_all()

    def wait_until_quiet(self, quiet: float = 0.5, timeout: float = 15.0) -> bool:
        """Until no request is running and none has started for `quiet` seconds: a request the browser
        sent just before it left the page may still wait in the server's queue when the others are done."""
        deadline = time.monotonic() + timeout
        with self.condition:
            while (remaining := deadline - time.monotonic()) > 0:
                if not self.condition.wait_for(lambda: self.count == 0, timeout=remaining):
                    break
                seen = self.started_total
                self.condition.wait_for(lambda seen=seen: self.started_total != seen, timeout=min(quiet, remaining))
                if self.started_total == seen:
                    return True
            self.count = 0  # a request that never reported its end must not hold up every later test
            return False


_live_server_requests = _LiveServerRequests()


def release_live_server_connections():
    """Let the flush after a transactional browser test run without racing the live server.

    A page can still have requests in flight when the test ends (the admin pings the server while a page
    is open, a page fetches); on PostgreSQL their queries take locks that the flush's TRUNCATE waits for,
    and the two deadlock; on SQLite a request after the flush recreates rows the flush's own post-migrate
    step then inserts again. So wait until the live server is quiet, then end its connections, the only
    other ones to the test database. Ending them alone was not enough: a request still running opened a
    new connection and met the TRUNCATE (seen in CI).
    """
    from django.db import connection

    _live_server_requests.wait_until_quiet()
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = current_database() AND pid <> pg_backend_pid()"
            )


@pytest.fixture(scope="session", autouse=True)
def _count_live_server_requests():
    from django.core.signals import request_finished, request_started

    request_started.connect(_live_server_requests.started, dispatch_uid="conftest_live_requests_started")
    request_finished.connect(_live_server_requests.finished, dispatch_uid="conftest_live_requests_finished")
    yield
    request_started.disconnect(dispatch_uid="conftest_live_requests_started")
    request_finished.disconnect(dispatch_uid="conftest_live_requests_finished")


@pytest.fixture
def browser_page(chromium, live_server):
    context = chromium.new_context(locale="de-DE", viewport={"width": 390, "height": 844})
    page = context.new_page()
    yield BrowserPage(page, live_server.url)
    page.goto("about:blank")  # stops the page's timers and pending requests
    context.close()
    release_live_server_connections()
