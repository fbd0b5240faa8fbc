"""Local development: DEBUG on, a throwaway key, mails to the console."""

import os

from .base import *  # noqa: F403
from .base import LOGGING, env_bool, env_list

DEBUG = True
SECRET_KEY = os.environ.get("SECRET_KEY") or "dev-only-not-secret-" + "x" * 40  # noqa: S105
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost")
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
WHITENOISE_USE_FINDERS = True  # serve static files straight from static/ without collectstatic
PAGE_CACHE_ENABLED = env_bool("PAGE_CACHE", False)  # templates change while you work
LOGGING["handlers"]["console"]["formatter"] = os.environ.get("LOG_FORMAT", "text")  # readable in a terminal
