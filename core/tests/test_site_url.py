"""SITE_URL decides the address in mails, sitemap, canonical and og:url: the release step writes it into the
default Site, and `check --deploy` refuses a production without a real public address."""

import io
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import override_settings
from wagtail.models import Site

from core.checks import check_site_url

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.django_db
@override_settings(SITE_URL="https://stark-im-amt.example")
def test_apply_site_url_sets_hostname_and_port_of_the_default_site():
    call_command("apply_site_url", stdout=io.StringIO())
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("stark-im-amt.example", 443)
    assert site.root_url == "https://stark-im-amt.example"


@pytest.mark.django_db
@override_settings(SITE_URL="")
def test_apply_site_url_refuses_without_site_url():
    with pytest.raises(CommandError):
        call_command("apply_site_url")


@pytest.mark.parametrize("value", ["", "http://localhost:8000", "https://127.0.0.1", "stark-im-amt.example"])
def test_deploy_check_refuses_missing_or_local_site_url(value):
    with override_settings(SITE_URL=value):
        assert check_site_url(None)


def test_deploy_check_accepts_the_public_address():
    with override_settings(SITE_URL="https://stark-im-amt.example"):
        assert check_site_url(None) == []


def run_deploy_check(**extra):
    env = {key: value for key, value in os.environ.items() if key not in ("SITE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE")}
    env.update(SECRET_KEY=secrets.token_urlsafe(50), ALLOWED_HOSTS="stark-im-amt.example",
               DJANGO_SETTINGS_MODULE="starkimamt.settings.production", **extra)
    return subprocess.run([sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
                          cwd=ROOT, env=env, capture_output=True, text=True)


def test_production_deploy_check_reads_site_url_from_the_environment():
    assert run_deploy_check(SITE_URL="https://stark-im-amt.example").returncode == 0
    refused = run_deploy_check(SITE_URL="http://localhost")
    assert refused.returncode != 0 and "SITE_URL" in refused.stderr
    assert run_deploy_check().returncode != 0
