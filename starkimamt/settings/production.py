"""Production: everything from the environment, hardened so that `check --deploy` passes without warning."""

import os

from .base import *  # noqa: F403
from .base import STORAGES, TRUSTED_PROXY_COUNT, env_bool, env_list, require_env

DEBUG = False
SECRET_KEY = require_env("SECRET_KEY")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS") or [require_env("ALLOWED_HOSTS")]

STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# TLS ends at the proxy or CDN. Its X-Forwarded-Proto is believed exactly when there is a proxy
# (TRUSTED_PROXY_COUNT, the one proxy setting, base.py); TRUST_PROXY_SSL_HEADER=false only for a proxy that
# does not send it. `check --deploy` fails on a contradiction (core/checks.py).
if env_bool("TRUST_PROXY_SSL_HEADER", TRUSTED_PROXY_COUNT > 0):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True

# The public address of the portal; `manage.py apply_site_url` (release step) writes it into the default
# Wagtail Site, so mails, sitemap, canonical and og:url do not say localhost.
SITE_URL = os.environ.get("SITE_URL", "").strip()

WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", f"https://{ALLOWED_HOSTS[0]}")

# Staff must prove a second factor before the admin opens (core.security).
REQUIRE_ADMIN_2FA = env_bool("REQUIRE_ADMIN_2FA", True)

# A CDN or caching proxy in front (docs/operations.md). FRONTEND_CACHE is the proxy's purge address
# (Varnish, nginx: "http://cache:6081") or a JSON object in the form of Wagtail's WAGTAILFRONTENDCACHE
# (Cloudflare, CloudFront, Azure). Every content change purges all live pages there (core.cache.invalidation).
_frontend_cache = os.environ.get("FRONTEND_CACHE", "").strip()
if _frontend_cache:
    import json

    WAGTAILFRONTENDCACHE = (
        json.loads(_frontend_cache)
        if _frontend_cache.startswith("{")
        else {
            "default": {"BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend", "LOCATION": _frontend_cache}
        }
    )
    # The proxy may keep anonymous pages this long; browsers always ask again (max-age=0).
    PAGE_CACHE_SHARED_MAX_AGE = int(os.environ.get("FRONTEND_CACHE_MAX_AGE", "3600"))
