"""Helpers for the security tests: every public URL of the demo content, an admin client, payloads."""

from urllib.parse import urlsplit
from xml.etree import ElementTree

import pytest

SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def sitemap_paths(client) -> list[str]:
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ElementTree.fromstring(response.content)
    return [urlsplit(loc.text).path for loc in root.iter(f"{SITEMAP_NS}loc")]


class DemoSite:
    """The demo content inside an outer transaction that is rolled back when no longer needed."""

    active = None  # the DemoSite whose transaction is open, if any

    def __init__(self):
        self.atomic = None

    def start(self):
        import os

        from django.core.management import call_command
        from django.db import transaction

        self.atomic = transaction.atomic()
        self.atomic.__enter__()
        call_command("load_demo_content", stdout=open(os.devnull, "w"))  # noqa: SIM115
        DemoSite.active = self

    def stop(self):
        from django.db import transaction

        if self.atomic is not None:
            transaction.set_rollback(True)
            self.atomic.__exit__(None, None, None)
            self.atomic = None
        DemoSite.active = None


@pytest.fixture(scope="package")
def demo_site(django_db_setup, django_db_blocker):
    """The demo content, loaded once for this package and rolled back after its last test.

    Each test still runs in its own savepoint (the `db` fixture), so tests stay independent; loading the
    demo content once instead of once per test keeps this suite within its time budget. Tests that run
    after the first user of this fixture see the demo content even if they did not ask for it, so no test
    here may assume an empty database. A transactional (browser) test cannot run inside the open
    transaction: pytest_runtest_setup below closes it first.
    """
    site = DemoSite()
    with django_db_blocker.unblock():
        site.start()
    yield site
    with django_db_blocker.unblock():
        site.stop()


def pytest_runtest_setup(item):
    marker = item.get_closest_marker("django_db")
    if DemoSite.active is not None and marker is not None and marker.kwargs.get("transaction"):
        from pytest_django.plugin import blocking_manager_key

        with item.config.stash[blocking_manager_key].unblock():
            DemoSite.active.stop()


@pytest.fixture
def demo(demo_site, db):
    from django.core.cache import caches

    from portal.models import HomePage

    # Closed for a transactional test: load again inside this test's transaction, and close it again
    # before that transaction ends (fixture teardown runs before the `db` teardown).
    reloaded = demo_site.atomic is None
    if reloaded:
        demo_site.start()
    for cache in caches.all():
        cache.clear()
    yield HomePage.objects.get()
    if reloaded:
        demo_site.stop()


@pytest.fixture
def public_paths(demo, client) -> list[str]:
    """Every page of the demo content plus the public URLs outside the page tree."""
    paths = sitemap_paths(client)
    assert "/" in paths and len(paths) >= 9
    return paths


@pytest.fixture
def superuser(db, django_user_model):
    return django_user_model.objects.create_superuser("chefin", "chefin@example.org", "Ein-langes-Passwort-2026")


@pytest.fixture
def superuser_client(client, superuser, home_page):
    client.force_login(superuser)
    return client


@pytest.fixture
def root_collection(db):
    from wagtail.models import Collection

    return Collection.get_first_root_node() or Collection.add_root(name="Root")
