"""Shared test fixtures and the rules that keep CI honest.

- Browser tests drive Debian's Chromium (/usr/bin/chromium) through Playwright.
- Tests marked `postgres` need DATABASE_URL to point at PostgreSQL; tests marked `redis` need REDIS_URL
  or a Redis on 127.0.0.1:6379.
- Locally, what cannot run is skipped and listed at the end. With CI set, a skip is an error; only the
  PostgreSQL-only tests are deselected in the SQLite pass, because .ci/run runs them in its PostgreSQL pass.
"""

import os
import socket
from pathlib import Path
from urllib.parse import urlsplit

import pytest

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's sync API runs an event loop

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}


def _redis_url() -> str:
    return os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0")


def _reachable(url: str) -> bool:
    parts = urlsplit(url)
    try:
        with socket.create_connection((parts.hostname or "127.0.0.1", parts.port or 6379), timeout=0.5):
            return True
    except OSError:
        return False


def _on_postgres() -> bool:
    from django.db import connection

    return connection.vendor == "postgresql"


def pytest_collection_modifyitems(config, items):
    on_postgres = _on_postgres()
    have_chromium = Path(CHROMIUM).exists()
    have_redis = _reachable(_redis_url())
    deselected = []
    kept = []
    for item in items:
        if item.get_closest_marker("postgres") and not on_postgres:
            if IN_CI:
                deselected.append(item)  # runs in the PostgreSQL pass of .ci/run
                continue
            item.add_marker(pytest.mark.skip(reason="braucht PostgreSQL: DATABASE_URL=postgres://… make test"))
        if item.get_closest_marker("browser") and not have_chromium:
            item.add_marker(pytest.mark.skip(reason=f"kein Chromium unter {CHROMIUM} (apt-get install chromium)"))
        if item.get_closest_marker("redis") and not have_redis:
            item.add_marker(pytest.mark.skip(reason="kein Redis erreichbar (REDIS_URL)"))
        kept.append(item)
    if deselected:
        config.hook.pytest_deselected(items=deselected)
        items[:] = kept
        config._postgres_deselected = len(deselected)


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    skipped = terminalreporter.stats.get("skipped", [])
    if getattr(config, "_postgres_deselected", 0):
        terminalreporter.write_line(
            f"{config._postgres_deselected} PostgreSQL-Tests nicht gewählt: sie laufen im PostgreSQL-Durchgang."
        )
    if skipped:
        terminalreporter.section("Übersprungen")
        for report in skipped:
            reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
            terminalreporter.write_line(f"{report.nodeid}: {reason}")
        if IN_CI:
            terminalreporter.write_line("CI: übersprungene Tests gelten als Fehler.", red=True)


def pytest_sessionfinish(session, exitstatus):
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    if IN_CI and reporter is not None and reporter.stats.get("skipped") and exitstatus == 0:
        session.exitstatus = 1


# --- content fixtures -------------------------------------------------------------------------------


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Each test starts with an empty cache: menus and pages cached from a rolled-back test stay there."""
    from django.core.cache import cache

    yield
    cache.clear()


@pytest.fixture
def home_page(db):
    """The home page as the demo loader builds it, without the rest of the demo content."""
    from demo.base import load_home

    return load_home()


@pytest.fixture
def demo_content(db):
    from django.core.management import call_command

    call_command("load_demo_content", stdout=open(os.devnull, "w"))  # noqa: SIM115
    from portal.models import HomePage

    return HomePage.objects.get()
