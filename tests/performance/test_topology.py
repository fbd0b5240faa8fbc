"""Several processes, one installation: a change made by any process is seen by every worker at once.

Two topologies, as in production:
- the embedded default without Redis (each worker caches in its own memory; the content generation lives
  in the database): one gunicorn instance with two workers, on whatever database the suite runs on;
- PostgreSQL with Redis: two gunicorn instances sharing one Redis.

The changes come from this test process, which plays the `publish_scheduled` timer or the shell: a page
published, a contact's phone number corrected, a page made private. After each change has committed,
every anonymous request to every worker shows it.
"""

import io
import os
import secrets
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import override_settings

from tests.net import free_port

pytestmark = [pytest.mark.django_db(transaction=True)]

ROOT = Path(__file__).resolve().parents[2]
PUBLIC_HOST = "stark-im-amt.test"  # what the load balancer passes on to every instance
REQUESTS_PER_CHECK = 20



def get(url: str):
    request = urllib.request.Request(url, headers={"Host": PUBLIC_HOST})  # noqa: S310 (loopback)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310 (loopback)
            return response.status, response.headers.get("X-Cache"), response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("X-Cache"), error.read().decode()


def database_url() -> str:
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{db['NAME']}"
    auth = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    return f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def start_gunicorn(env: dict, workers: int) -> tuple[subprocess.Popen, str]:
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "starkimamt.wsgi", "-w", str(workers), "-b", f"127.0.0.1:{port}"],
        cwd=ROOT,
        env=env,
        start_new_session=True,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        assert process.poll() is None, "gunicorn ist nicht gestartet"
        try:
            if get(base + "/healthz")[0] == 200:
                return process, base
        except OSError:
            pass
        assert time.monotonic() < deadline, "gunicorn antwortet nicht"
        time.sleep(0.2)


def instance_env(**extra) -> dict:
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"REDIS_URL", "DJANGO_ALLOW_ASYNC_UNSAFE", "DJANGO_SETTINGS_MODULE"}
    }
    return {
        **env,
        "DJANGO_SETTINGS_MODULE": "tests.performance.topology_settings",
        "PYTHONPATH": str(ROOT),
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": f"{PUBLIC_HOST},127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "false",
        "DATABASE_URL": database_url(),
        "LOG_LEVEL": "WARNING",
        **extra,
    }


def stop(processes) -> None:
    for process in processes:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=20)


@pytest.fixture
def demo(transactional_db):
    call_command("load_demo_content", stdout=io.StringIO())


def chosen_contact_ids(raw) -> list[int]:
    """The contact ids chosen in `contacts` blocks anywhere in a page body's raw data."""
    found = []
    if isinstance(raw, dict):
        if raw.get("type") == "contacts" and isinstance(raw.get("value"), dict):
            for item in raw["value"].get("contacts", []):
                found.append(item["value"] if isinstance(item, dict) else item)
        for value in raw.values():
            found += chosen_contact_ids(value)
    elif isinstance(raw, list):
        for value in raw:
            found += chosen_contact_ids(value)
    return found


def guidance_page_choosing(contact):
    from portal.models import GuidancePage

    for page in GuidancePage.objects.live().order_by("path"):
        if contact.pk in chosen_contact_ids(list(page.body.raw_data)):
            return page
    raise AssertionError(f"Keine Ratgeberseite wählt {contact.key}")


def every_worker_shows(bases: list[str], path: str, expected: str, absent: str | None = None) -> None:
    for base in bases:
        for attempt in range(REQUESTS_PER_CHECK):
            status, _cache_state, body = get(base + path)
            assert status == 200, (base, path, attempt, status)
            assert expected in body, (base, path, attempt, expected)
            assert absent is None or absent not in body, (base, path, attempt, absent)


def exercise(bases: list[str]) -> None:
    from wagtail.models import PageViewRestriction

    from contacts.models import Contact

    starke_stelle = Contact.objects.get(key="starke-stelle")
    page = guidance_page_choosing(starke_stelle)
    path = "/" + page.url_path.removeprefix(page.get_site().root_page.url_path)
    old_number = starke_stelle.phone_numbers.first().number

    # Both workers of each instance keep copies: many requests before any change.
    every_worker_shows(bases, path, page.title, "Prüfstand")
    every_worker_shows(bases, path, old_number, "0800 111 22 33")

    page.title = f"{page.title} (Prüfstand)"
    page.save_revision().publish()
    every_worker_shows(bases, path, "Prüfstand")

    phones = list(starke_stelle.phone_numbers.all())
    phones[0].number = "0800 111 22 33"  # a test value, never shown outside this test
    starke_stelle.phone_numbers = phones
    starke_stelle.save_revision().publish()
    # The old number may still stand in the emergency box, which editors keep as settings, not as this
    # contact record; the contact block must show the new one.
    every_worker_shows(bases, path, "0800 111 22 33")

    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.PASSWORD, password="geheim")
    for base in bases:
        for attempt in range(REQUESTS_PER_CHECK):
            status, _state, body = get(base + path)
            assert "0800 111 22 33" not in body and "Passwort" in body, (base, attempt, status)


def test_without_redis_every_worker_sees_a_change_from_another_process(demo):
    # No REDIS_URL: each worker's cache is its own memory, as in the embedded default.
    process, base = start_gunicorn(instance_env(), workers=2)
    try:
        exercise([base])
    finally:
        stop([process])


@pytest.mark.postgres
@pytest.mark.redis
def test_with_redis_two_instances_see_a_change_from_another_process(demo):
    redis_url = os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/7"
    prefix = f"topologie-{secrets.token_hex(4)}"
    shared = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": redis_url,
            "KEY_PREFIX": prefix,
            "OPTIONS": {"IGNORE_EXCEPTIONS": True},
        }
    }
    env = instance_env(REDIS_URL=redis_url, CACHE_KEY_PREFIX=prefix)
    with override_settings(CACHES=shared, PAGE_CACHE_ENABLED=True):  # this process bumps in the same Redis
        started = [start_gunicorn(env, workers=2) for _ in range(2)]
        try:
            exercise([base for _process, base in started])
            first = started[0][1]
            get(first + "/impressum/")
            assert get(started[1][1] + "/impressum/")[1] == "hit"  # one cache for both instances
        finally:
            stop([process for process, _base in started])
            from django.core.cache import cache

            cache.clear()
