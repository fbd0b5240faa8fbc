import io

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction


@pytest.fixture(scope="module")
def _demo_for_module(django_db_setup, django_db_blocker):
    """The demo content, loaded once per module; each test runs in a savepoint inside this transaction."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo_content", stdout=io.StringIO())
        yield
        transaction.set_rollback(True)


@pytest.fixture
def demo_content(_demo_for_module, db):
    from portal.models import HomePage

    return HomePage.objects.get()


@pytest.fixture
def page_cache(settings):
    """The page cache switched on (tests run without it so that other tests see every change at once)."""
    from core.cache.generation import local_values
    from core.cache.pagecache import local_pages as _local_pages

    settings.PAGE_CACHE_ENABLED = True
    cache.clear()
    _local_pages.clear()
    local_values.clear()
    yield
    cache.clear()
    _local_pages.clear()
    local_values.clear()
