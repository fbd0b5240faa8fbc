"""One proxy setting (TRUSTED_PROXY_COUNT) that client addresses and the scheme both follow, a deploy check
that fails when they contradict each other, and lockouts that one client cannot impose on another."""

import json
import subprocess
import sys

import pytest
from django.test import override_settings

from core.checks import check_proxy_settings
from tests.security.test_headers import ROOT, production_env, run_python

PASSWORD = "Ein-langes-Passwort-2026"
LOGIN = "/admin/login/"
HEADER = ("HTTP_X_FORWARDED_PROTO", "https")


def proxy_settings(**extra):
    out = run_python(
        "import django, json; django.setup(); from django.conf import settings as s;"
        "print(json.dumps([s.TRUSTED_PROXY_COUNT, s.SECURE_PROXY_SSL_HEADER]))",
        **extra,
    )
    return json.loads(out.strip().splitlines()[-1])


def test_without_a_proxy_nobody_may_claim_https():
    # Before: TRUST_PROXY_SSL_HEADER defaulted to true, so any client could send X-Forwarded-Proto: https.
    assert proxy_settings() == [0, None]


def test_behind_a_proxy_its_scheme_header_is_trusted():
    assert proxy_settings(TRUSTED_PROXY_COUNT="1") == [1, list(HEADER)]


def test_a_proxy_that_sends_no_scheme_header_can_say_so():
    assert proxy_settings(TRUSTED_PROXY_COUNT="1", TRUST_PROXY_SSL_HEADER="false") == [1, None]


def ids(errors):
    return sorted(error.id for error in errors)


def test_check_accepts_the_coherent_combinations(monkeypatch):
    monkeypatch.delenv("FORWARDED_ALLOW_IPS", raising=False)
    with override_settings(TRUSTED_PROXY_COUNT=0, SECURE_PROXY_SSL_HEADER=None):
        assert check_proxy_settings(None) == []
    with override_settings(TRUSTED_PROXY_COUNT=1, SECURE_PROXY_SSL_HEADER=HEADER):
        assert check_proxy_settings(None) == []
    monkeypatch.setenv("FORWARDED_ALLOW_IPS", "10.0.0.2")
    with override_settings(TRUSTED_PROXY_COUNT=1, SECURE_PROXY_SSL_HEADER=HEADER):
        assert check_proxy_settings(None) == []


def test_check_fails_when_the_scheme_is_trusted_without_a_proxy(monkeypatch):
    monkeypatch.delenv("FORWARDED_ALLOW_IPS", raising=False)
    with override_settings(TRUSTED_PROXY_COUNT=0, SECURE_PROXY_SSL_HEADER=HEADER):
        assert ids(check_proxy_settings(None)) == ["starkimamt.E001"]
    monkeypatch.setenv("FORWARDED_ALLOW_IPS", "*")
    with override_settings(TRUSTED_PROXY_COUNT=0, SECURE_PROXY_SSL_HEADER=None):
        assert ids(check_proxy_settings(None)) == ["starkimamt.E002"]
    with override_settings(TRUSTED_PROXY_COUNT=-1, SECURE_PROXY_SSL_HEADER=None):
        assert "starkimamt.E003" in ids(check_proxy_settings(None))


def test_check_fails_when_https_redirect_would_loop_behind_a_proxy(monkeypatch):
    monkeypatch.delenv("FORWARDED_ALLOW_IPS", raising=False)
    with override_settings(TRUSTED_PROXY_COUNT=1, SECURE_PROXY_SSL_HEADER=None, SECURE_SSL_REDIRECT=True):
        assert ids(check_proxy_settings(None)) == ["starkimamt.E004"]


def deploy_check(**extra):
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT, env=production_env(**extra), capture_output=True, text=True, timeout=60,
    )


def test_deploy_check_fails_on_a_contradiction_and_passes_when_coherent():
    bad = deploy_check(TRUST_PROXY_SSL_HEADER="true")  # no proxy, yet X-Forwarded-Proto trusted
    assert bad.returncode != 0
    assert "starkimamt.E001" in bad.stdout + bad.stderr
    good = deploy_check(TRUSTED_PROXY_COUNT="1")
    assert good.returncode == 0, good.stdout + good.stderr


# --- lockouts per account and client ---------------------------------------------------------------


def attempt(client, username="chefin", password="falsch-falsch-falsch", **headers):  # noqa: S107
    return client.post(LOGIN, {"username": username, "password": password}, **headers)


@pytest.mark.django_db
def test_bogus_usernames_from_one_client_lock_that_client_not_others(client, superuser, home_page):
    for n in range(5):
        attempt(client, username=f"erfunden-{n}", REMOTE_ADDR="203.0.113.9")
    assert attempt(client, username="chefin", password=PASSWORD, REMOTE_ADDR="203.0.113.9").status_code == 429
    # The address is locked, not the account: another client still gets in.
    response = attempt(client, username="chefin", password=PASSWORD, REMOTE_ADDR="198.51.100.7")
    assert response.status_code == 302


@pytest.mark.django_db
def test_guessing_one_account_from_one_client_does_not_lock_its_owner_out(client, superuser, home_page):
    for _ in range(5):
        attempt(client, REMOTE_ADDR="203.0.113.9")
    assert attempt(client, password=PASSWORD, REMOTE_ADDR="203.0.113.9").status_code == 429
    # Before: the username alone was locked, so the editor's right password from her own office got 429.
    response = attempt(client, password=PASSWORD, REMOTE_ADDR="198.51.100.7")
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(superuser.pk)


@pytest.mark.django_db
def test_behind_a_proxy_each_visitor_is_counted_on_their_own(client, superuser, home_page, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    for n in range(5):
        attempt(client, username=f"erfunden-{n}", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="203.0.113.9")
    locked = attempt(client, password=PASSWORD, REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="203.0.113.9")
    assert locked.status_code == 429
    response = attempt(client, password=PASSWORD, REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="198.51.100.7")
    assert response.status_code == 302


def test_a_forwarded_header_without_a_trusted_proxy_is_logged_once(rf, caplog, settings):
    import core.security

    settings.TRUSTED_PROXY_COUNT = 0
    core.security._warned_unconfigured_proxy = False
    with caplog.at_level("WARNING", logger="core.security"):
        for _ in range(3):
            assert core.security.client_ip(rf.get("/", HTTP_X_FORWARDED_FOR="203.0.113.9")) == "127.0.0.1"
    assert len([r for r in caplog.records if "TRUSTED_PROXY_COUNT" in r.getMessage()]) == 1
