"""Tests: fast hashing, in-memory cache and mail, the database from DATABASE_URL (SQLite by default)."""

import os
import tempfile

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-not-secret-" + "y" * 40  # noqa: S105
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "tests"}}
# No background resizing after an upload: a thread outliving a test would race its database flush. The
# tests of that path turn it on (tests/performance/test_renditions.py).
WARM_RENDITIONS_ON_UPLOAD = False
MEDIA_ROOT = os.environ.get("TEST_MEDIA_ROOT", "/tmp/starkimamt-test-media")  # noqa: S108
WAGTAILADMIN_BASE_URL = "http://testserver"
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"level": "WARNING"}}
WHITENOISE_USE_FINDERS = True  # serve static files straight from static/ without collectstatic

SEARCH_HITS_FLUSH_SECONDS = 0  # count each search at once, so that tests see it
PAGE_CACHE_ENABLED = False  # tests that need it turn it on (tests/performance/test_page_cache.py)

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    # A file, not memory: with an in-memory database the browser tests' live server thread shares the test's
    # own connection, and a request still in flight when a test ends then breaks the flush that follows it
    # (CI saw "on_commit() cannot be used in manual transaction management"). With a file each thread has
    # its own connection and the flush waits for the late request instead.
    DATABASES["default"]["TEST"] = {  # noqa: F405
        "NAME": os.path.join(tempfile.gettempdir(), f"starkimamt-test-{os.getpid()}.sqlite3")
    }
