"""`make run` prints a working admin login for the local demo, the same one each time."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from demo.management.commands import ensure_demo_admin

pytestmark = pytest.mark.django_db


def run(**options) -> str:
    out = io.StringIO()
    call_command("ensure_demo_admin", stdout=out, **options)
    return out.getvalue()


def test_prints_a_working_login_for_the_address_the_demo_runs_on(settings, tmp_path, monkeypatch):
    settings.DEBUG = True
    monkeypatch.setattr(ensure_demo_admin, "PASSWORD_FILE", tmp_path / "password")
    first = run(url="http://127.0.0.1:8777")
    assert "http://127.0.0.1:8777/admin/" in first
    password = first.rsplit("Passwort: ", 1)[1].strip()
    assert get_user_model().objects.get(username="admin").check_password(password)
    assert run(url="http://127.0.0.1:8777") == first  # running `make run` again keeps the login


def test_refuses_outside_development(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError):
        run()
