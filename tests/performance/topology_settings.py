"""Production settings for the instances the topology test starts: only static files come from the
finders (no collectstatic in a test), and the cache keys get a prefix of their own per test run."""

import os

from starkimamt.settings.production import *  # noqa: F403
from starkimamt.settings.production import CACHES, STORAGES

STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
WHITENOISE_USE_FINDERS = True
CACHES = {"default": {**CACHES["default"], "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "starkimamt")}}
