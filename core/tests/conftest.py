import io

import pytest
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
