"""Settings shared by every environment.

Everything that differs between machines comes from environment variables. The defaults are the safe
ones: no DEBUG, no secret in the code, no hosts allowed. `dev.py` and `test.py` relax what a developer
needs; `production.py` adds the hardening that `manage.py check --deploy` asks for.
"""

import os
from pathlib import Path

import dj_database_url
from csp.constants import NONCE, NONE, SELF
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "core",  # shared layer: page-cache invalidation, Wagtail patches, rendition warming (core/apps.py)
    "contacts",
    "portal",
    "magazine",
    "demo",
    "wagtail.contrib.forms",
    "wagtail.contrib.frontend_cache",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.table_block",
    "wagtail.contrib.typed_table_block",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "csp",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.forms",  # the widget templates, for FORM_RENDERER = TemplatesSetting
    "django.contrib.humanize",  # Wagtail's admin uses its naturaltime; without the app, no German ("a minute ago")
]

MIDDLEWARE = [
    # The request id for every log line of the request, page-cache hits included (core/logging.py).
    "core.logging.RequestIdMiddleware",
    # Counts searches answered from the page cache too (the editors' popular queries).
    "portal.search_hits.SearchHitMiddleware",
    # A revisit whose ETag is still current gets 304 before the page cache is asked (core/http.py).
    "core.http.NotModifiedMiddleware",
    # Anonymous pages from the cache before anything else runs: a hit is stored with the headers that
    # the middleware below added (security headers, CSP without nonce). Scheme and host are part of the
    # key, so http→https redirects and host checks still happen before a page is first cached.
    "core.cache.pagecache.PageCacheMiddleware",
    # ETag and Cache-Control on what the page cache keeps, so that its hits carry them too.
    "core.http.ValidatorsMiddleware",
    "core.security.SecurityHeadersMiddleware",
    # Permissions-Policy from PERMISSIONS_POLICY below, on every response including static files; the
    # library refuses an unknown feature name at start-up (a typo would silently allow the feature).
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "core.security.PortalCSPMiddleware",
    # /healthz without the host check: load balancers probe by IP address (core/health.py).
    "core.health.HealthCheckMiddleware",
    # Compress before caching, so that a cache hit costs no compression: brotli or gzip (core/http.py).
    "core.http.CompressionMiddleware",
    "core.middleware.DatabaseUnavailableMiddleware",
    "core.middleware.AtomicAdminWritesMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "core.security.RequireAdminTwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "starkimamt.urls"
WSGI_APPLICATION = "starkimamt.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "OPTIONS": {
            # App templates through a loader that puts the CSP nonce on Wagtail's inline scripts.
            "loaders": [
                (
                    "django.template.loaders.cached.Loader",
                    ["django.template.loaders.filesystem.Loader", "core.template_loaders.NoncedWagtailScriptsLoader"],
                )
            ],
            "builtins": ["core.templatetags.csp_nonce"],
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]
# Form widgets render through the engine above too (Wagtail's date pickers need its loader).
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"


def database_from_env() -> dict:
    """DATABASE_URL, or an SQLite file in the checkout so that a new user needs nothing but Python."""
    url = os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}"
    config = dj_database_url.parse(url, conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")))
    if config["ENGINE"] == "django.db.backends.sqlite3":
        # Several gunicorn workers share one file: WAL lets readers and a writer work at once, the busy
        # timeout and IMMEDIATE transactions make a writer wait instead of failing with "database is locked".
        config["CONN_MAX_AGE"] = 0
        config["OPTIONS"] = {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;",
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
        }
    else:
        config["CONN_HEALTH_CHECKS"] = True
        options = config.setdefault("OPTIONS", {})
        options["connect_timeout"] = int(os.environ.get("DB_CONNECT_TIMEOUT", "3"))
        # Prepared statements: psycopg prepares what a connection runs for the fifth time, and PostgreSQL
        # then skips parsing and planning it (a page runs the same few statements on every request). Needs
        # server-side binding. Turn both off behind a pooler in transaction mode (PgBouncer), which cannot
        # keep prepared statements per connection: DB_PREPARED_STATEMENTS=false.
        if env_bool("DB_PREPARED_STATEMENTS", default=True):
            options["server_side_binding"] = True
            options["prepare_threshold"] = 5
    return config


DATABASES = {"default": database_from_env()}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Redis when REDIS_URL is set (shared by all instances, failing safe), else each process's own memory. The
# content generation is then kept in the database, so every process still sees every change at once.
# django-redis with IGNORE_EXCEPTIONS: while Redis does not answer, a read is a miss and a write is dropped,
# so the page cache, per-generation values and rate limits fail open instead of breaking the portal.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "starkimamt"),  # several sites on one Redis
            "TIMEOUT": 600,
            "OPTIONS": {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 1, "SOCKET_TIMEOUT": 1},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "starkimamt"}}
# A Redis that does not answer is logged in one line per call, not with a traceback (django-redis).
DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True

# Nothing on the portal uses these browser features; no page, embed or script may ask for them.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "usb",
    )
}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "de"
LANGUAGES = [("de", "Deutsch")]
TIME_ZONE = "Europe/Berlin"
USE_I18N = True
# Corrections to Wagtail's German (core/locale/de): searched before every app's own catalogue.
LOCALE_PATHS = [BASE_DIR / "core" / "locale"]
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_MAX_AGE = 60 * 60 * 24 * 365

# Media on S3-compatible storage when a bucket is configured: instances keep no state on local disk.
AWS_STORAGE_BUCKET_NAME = os.environ.get("AWS_STORAGE_BUCKET_NAME", "")
if AWS_STORAGE_BUCKET_NAME or os.environ.get("S3_ENDPOINT_URL"):
    AWS_S3_ENDPOINT_URL = os.environ.get("S3_ENDPOINT_URL") or None
    AWS_S3_REGION_NAME = os.environ.get("AWS_S3_REGION_NAME") or None
    AWS_S3_CUSTOM_DOMAIN = os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None  # e.g. the CDN in front of the bucket
    AWS_S3_FILE_OVERWRITE = False
    AWS_DEFAULT_ACL = None  # the bucket policy decides; no per-object ACLs
    AWS_QUERYSTRING_AUTH = env_bool("AWS_QUERYSTRING_AUTH", False)  # public media: plain, cacheable URLs
    AWS_S3_OBJECT_PARAMETERS = {"CacheControl": "max-age=31536000, public"}  # renditions never change
    STORAGES["default"] = {"BACKEND": "storages.backends.s3.S3Storage"}

# Page cache (core/cache/): anonymous page views from the cache, all invalidated by any change.
PAGE_CACHE_ENABLED = env_bool("PAGE_CACHE", not DEBUG)
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "600"))
# Copies with a query string one path may keep per generation (searches, Lotse plans, listing pages): a flood
# of made-up query strings is rendered, but does not push the pages everyone reads out of the cache.
PAGE_CACHE_MAX_VARIANTS = int(os.environ.get("PAGE_CACHE_MAX_VARIANTS", "200"))
# How long a browser may show an anonymous page before it revalidates it (ETag → 304; core/http.py).
HTTP_MAX_AGE = int(os.environ.get("HTTP_MAX_AGE", "60"))
# Searches are counted in memory and written at most this often per process (portal/search_hits.py).
SEARCH_HITS_FLUSH_SECONDS = int(os.environ.get("SEARCH_HITS_FLUSH_SECONDS", "60"))
# Models that change on every request and show on no page (hit counters, logs): no invalidation.
PAGE_CACHE_IGNORE_MODELS: list[str] = []

# Sessions exist only for people who log in; a visitor never gets a cookie from a GET.
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = 60 * 60 * 9  # a working day
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

DATA_UPLOAD_MAX_NUMBER_FIELDS = 2_000
# Request bodies without their files (Django's default, was 10 MB): a bigger post is refused with 400 before
# it is parsed. Files count against FILE_UPLOAD_MAX_MEMORY_SIZE / the upload limits below and the proxy's
# client_max_body_size (deploy/nginx.conf).
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
# Authenticated SMTP (a provider's relay): STARTTLS on 587 (EMAIL_USE_TLS) or TLS from the start on 465
# (EMAIL_USE_SSL), never both.
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
if EMAIL_USE_TLS and EMAIL_USE_SSL:
    raise ImproperlyConfigured("EMAIL_USE_TLS und EMAIL_USE_SSL schließen sich aus: bitte nur eines setzen.")
EMAIL_TIMEOUT = 10
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "webmaster@localhost")

# JSON lines on stdout in UTC with the request id, the same as gunicorn's (core/logging.py, gunicorn.conf.py).
# LOG_FORMAT=text gives plain lines for a terminal (the default of dev.py).
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "request_id": {"()": "core.logging.RequestIdFilter"},
        "bogus_host": {"()": "core.logging.OneLineWarningFilter"},
    },
    "formatters": {
        "json": {"()": "core.logging.JsonFormatter"},
        "text": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stdout",
            "formatter": os.environ.get("LOG_FORMAT", "json"),
            "filters": ["request_id"],
        }
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.request": {"level": "ERROR"},
        # A bogus Host header is a client's mistake or a scanner: one warning line, no traceback.
        "django.security.DisallowedHost": {"filters": ["bogus_host"]},
        # Wagtail logs every page save and django-tasks every task at INFO: too loud for a console.
        "wagtail": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
    },
}

# Wagtail
# Public address; production reads it from the environment (starkimamt/settings/production.py).
SITE_URL = ""
WAGTAIL_SITE_NAME = "Stark im Amt"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILADMIN_PERMITTED_LANGUAGES = [("de", "Deutsch"), ("en", "English")]
WAGTAIL_GRAVATAR_PROVIDER_URL = None  # no request to a third party from the admin
WAGTAIL_ENABLE_UPDATE_CHECK = False
# Wagtail 8's autosave is off: on a new page an autosave still in flight and the editor's "Zur Freigabe
# einreichen" both create the page; the second fails on the slug (a 500, or "Kurztitel wird bereits
# verwendet" on a form that then creates a second page once the slug is changed). Seen in CI under load
# (tests/browser/test_editorial_journey.py). Wagtail's warning about unsaved changes stays.
WAGTAIL_AUTOSAVE_INTERVAL = 0
WAGTAIL_DATE_FORMAT = "%d.%m.%Y"
WAGTAIL_DATETIME_FORMAT = "%d.%m.%Y %H:%M"
WAGTAIL_TIME_FORMAT = "%H:%M"
# On PostgreSQL the database backend uses full-text search with the German dictionary ("Bedrohungen" finds
# "Bedrohung"); SQLite ignores SEARCH_CONFIG and uses its own FTS backend.
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database", "SEARCH_CONFIG": "german"}}
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILEMBEDS_FINDERS = []  # no oEmbed lookups: videos load only after consent (see magazine)
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILADMIN_RICH_TEXT_EDITORS = {
    "default": {
        "WIDGET": "wagtail.admin.rich_text.DraftailRichTextArea",
        "OPTIONS": {"features": ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]},
    }
}

# Contacts whose check is older than this many days appear in "Zu prüfen".
CONTACT_REVIEW_AFTER_DAYS = int(os.environ.get("CONTACT_REVIEW_AFTER_DAYS", "180"))
# Who gets that list every Monday morning (`manage.py run_timers`); empty: it only goes to the log.
REVIEW_REPORT_TO = env_list("REVIEW_REPORT_TO")


def require_env(name: str) -> str:
    value = os.environ.get(name, "")
    if not value:
        raise ImproperlyConfigured(f"Die Umgebungsvariable {name} muss gesetzt sein.")
    return value

WAGTAILIMAGES_IMAGE_MODEL = "portal.PortalImage"
# The upload form explains that the description is the alternative text and refuses file names there.
WAGTAILIMAGES_IMAGE_FORM_BASE = "portal.image_forms.PortalImageForm"

# --- Security (docs/security.md) ---------------------------------------------------------------------

# Extra origins for images, e.g. the S3 bucket or CDN that serves media in production.
CSP_MEDIA_ORIGINS = env_list("CSP_MEDIA_ORIGINS")
# Public pages: only our own files; inline code only with the per-request nonce; nobody may frame us.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF, NONCE],
        "img-src": [SELF, "data:", *CSP_MEDIA_ORIGINS],
        "media-src": [SELF, *CSP_MEDIA_ORIGINS],
        "font-src": [SELF],
        "connect-src": [SELF],
        # Video players only, and only inserted after a click (magazine VideoBlock, static/js/video-consent.js).
        "frame-src": [SELF, "https://www.youtube-nocookie.com", "https://player.vimeo.com"],
        "object-src": [NONE],
        "base-uri": [NONE],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
# The Wagtail admin gets its own policy: its inline scripts (date pickers, inline panels) carry the request's
# nonce (core/template_loaders.py); its inline style attributes, which no nonce can cover, need
# 'unsafe-inline' for styles. Still no third-party origin, and framing only by itself (the live preview).
ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF, "'unsafe-inline'"],
        "img-src": [SELF, "data:", "blob:", *CSP_MEDIA_ORIGINS],
        "media-src": [SELF, "blob:", *CSP_MEDIA_ORIGINS],
        "font-src": [SELF, "data:"],
        "connect-src": [SELF],
        "frame-src": [SELF],
        "worker-src": [SELF, "blob:"],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [SELF],
    }
}


def _whitenoise_headers(headers, path, url):
    from core.security import whitenoise_headers  # imported late: settings load before apps

    whitenoise_headers(headers, path, url)


WHITENOISE_ADD_HEADERS_FUNCTION = _whitenoise_headers
WAGTAILDOCS_INLINE_CONTENT_TYPES = []  # every document is a download, never rendered by the browser

# Password guessing (django-axes): 5 failures lock that account from that address, and 5 failures with any
# usernames lock that address, for an hour. Never the account alone: one client must not lock an editor out
# who signs in from elsewhere (a botnet guessing one account is slowed per address; 2FA and the password
# rules carry the rest). Addresses are the clients' only behind a correctly counted proxy (TRUSTED_PROXY_COUNT).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = 1  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "core.security.client_ip"
AXES_LOCKOUT_CALLABLE = "core.security.lockout_response"
AXES_VERBOSE = False
# The one proxy setting: how many reverse proxies in front of gunicorn append to X-Forwarded-For. 0: the header
# is ignored. Client addresses (axes, rate limits, the access log), X-Forwarded-Proto (production.py) and
# gunicorn's FORWARDED_ALLOW_IPS (gunicorn.conf.py) all follow it.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))

# Two-factor authentication for the admin (django-otp). Required in production.
REQUIRE_ADMIN_2FA = env_bool("REQUIRE_ADMIN_2FA", False)
OTP_TOTP_ISSUER = "Stark im Amt"
