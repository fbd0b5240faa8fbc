"""Tests: fast hashing, in-memory cache and mail, the database from DATABASE_URL (SQLite by default)."""

import os

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-not-secret-" + "y" * 40  # noqa: S105
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "tests"}}
MEDIA_ROOT = os.environ.get("TEST_MEDIA_ROOT", "/tmp/starkimamt-test-media")  # noqa: S108
WAGTAILADMIN_BASE_URL = "http://testserver"
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"level": "WARNING"}}
WHITENOISE_USE_FINDERS = True  # serve static files straight from static/ without collectstatic

PAGE_CACHE_ENABLED = False  # tests that need it turn it on (tests/performance/test_page_cache.py)
