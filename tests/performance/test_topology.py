"""Two stateless gunicorn instances behind one PostgreSQL and one Redis: a change published through one
shows on the other's next request, and the page cache is shared between them."""

import os
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from django.db import connection
from django.test import override_settings

from portal.demo.utils import paragraph, upsert_page
from portal.models import StandardPage

pytestmark = [pytest.mark.postgres, pytest.mark.redis, pytest.mark.django_db(transaction=True)]

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


PUBLIC_HOST = "stark-im-amt.test"  # what the load balancer passes on to every instance


def get(url: str):
    request = urllib.request.Request(url, headers={"Host": PUBLIC_HOST})  # noqa: S310 (loopback)
    with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310 (loopback)
        return response.status, response.headers.get("X-Cache"), response.read().decode()


def database_url() -> str:
    db = connection.settings_dict
    auth = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    return f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


@pytest.fixture
def redis_url():
    return os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/7"


@pytest.fixture
def shared_cache(redis_url):
    """This test process writes to the same Redis as the instances (the invalidation goes there)."""
    prefix = f"topologie-{secrets.token_hex(4)}"
    caches = {
        "default": {
            "BACKEND": "starkimamt.cache.FailSafeRedisCache",
            "LOCATION": redis_url,
            "KEY_PREFIX": prefix,
            "TIMEOUT": 600,
        }
    }
    with override_settings(CACHES=caches, PAGE_CACHE_ENABLED=True):
        yield prefix
        from django.core.cache import cache

        cache.clear()


@pytest.fixture
def instances(shared_cache, redis_url):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.performance.topology_settings",
        "PYTHONPATH": str(ROOT),
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": f"{PUBLIC_HOST},127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "false",
        "DATABASE_URL": database_url(),
        "REDIS_URL": redis_url,
        "CACHE_KEY_PREFIX": shared_cache,
        "LOG_LEVEL": "WARNING",
    }
    started = []
    for _ in range(2):
        port = free_port()
        process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "starkimamt.wsgi", "-w", "1", "-b", f"127.0.0.1:{port}"],
            cwd=ROOT,
            env=env,
            start_new_session=True,
            stderr=subprocess.DEVNULL,
        )
        started.append((process, f"http://127.0.0.1:{port}"))
    try:
        for process, base in started:
            deadline = time.monotonic() + 60
            while True:
                assert process.poll() is None, "gunicorn ist nicht gestartet"
                try:
                    if get(base + "/healthz")[0] == 200:
                        break
                except OSError:
                    assert time.monotonic() < deadline, "gunicorn antwortet nicht"
                    time.sleep(0.2)
        yield [base for _process, base in started]
    finally:
        for process, _base in started:
            os.killpg(process.pid, signal.SIGTERM)
            process.wait(timeout=20)


def test_a_change_published_through_one_instance_shows_on_the_other(home_page, instances):
    page = upsert_page(home_page, StandardPage, "topologie", title="Stand eins", body=[paragraph("<p>Text</p>")])
    first, second = instances

    # The first views of a fresh database create the site settings, which counts as a change; after
    # that the first instance answers from the cache.
    states = [get(first + "/topologie/") for _ in range(3)]
    assert all(status == 200 and "Stand eins" in body for status, _state, body in states)
    assert states[-1][1] == "hit"
    status, cache_state, body = get(second + "/topologie/")
    assert (status, cache_state) == (200, "hit") and "Stand eins" in body  # one cache for both instances

    page.title = "Stand zwei"
    page.save_revision().publish()

    for base in (second, first):
        status, _cache_state, body = get(base + "/topologie/")
        assert status == 200 and "Stand zwei" in body and "Stand eins" not in body
