"""Caching: a Redis backend that fails safe, and the page cache with its invalidation.

`FailSafeRedisCache`: the portal must keep answering when Redis fails: a read becomes a miss, a write is
dropped, and the error is logged once per call. Anything built on the cache (rate limits and the page
cache included) therefore fails open.

`PageCacheMiddleware`: anonymous GET/HEAD requests for pages are answered from the Django cache (Redis
with REDIS_URL, else local memory). Never cached: requests that carry any cookie (a session, a CSRF
token, anything else) or an Authorization header, the admin, documents, non-200 responses, responses
that set a cookie, used a CSRF token or a CSP nonce, or say private/no-store/no-cache.

Invalidation is deliberately coarse: every cached page lives under a "generation" number, and any change
to content that a page may show (a page saved, published, unpublished, moved or deleted; a contact,
snippet, image, setting or view restriction saved or deleted) bumps the generation, so all cached pages
go stale together. A model that changes on every request (a hit counter, a log) opts out with
`page_cache_ignore = True` on the class or in settings.PAGE_CACHE_IGNORE_MODELS.
"""

import contextvars
import copy
import functools
import logging
import pickle
import threading
import time
from collections import OrderedDict

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from django.db import connections, transaction
from django.utils.cache import (
    _generate_cache_header_key,
    _generate_cache_key,
    cc_delim_re,
    get_max_age,
    has_vary_header,
    patch_cache_control,
)

logger = logging.getLogger(__name__)


def _redis_errors() -> tuple[type[BaseException], ...]:
    import redis.exceptions

    return (redis.exceptions.ConnectionError, redis.exceptions.TimeoutError, OSError)


class ReusingRedisCacheClient(RedisCacheClient):
    """Django's client builds a new redis.Redis object for every cache call (about 70 µs, mostly copying
    its table of response callbacks): more than the round trip itself on a page-cache hit. A redis.Redis
    object is safe to share across threads (its pool hands out connections), so keep one per pool."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class FailSafeRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ReusingRedisCacheClient

    def _safe(self, method: str, default, *args, **kwargs):
        try:
            return getattr(super(), method)(*args, **kwargs)
        except _redis_errors() as exc:
            logger.warning("Redis nicht erreichbar (%s): %s", method, exc)
            return default

    def get(self, key, default=None, version=None):
        return self._safe("get", default, key, default, version)

    def get_many(self, keys, version=None):
        return self._safe("get_many", {}, keys, version)

    def add(self, key, value, timeout=None, version=None):
        # Pretending the add failed keeps callers that use add() as a lock from proceeding twice.
        return self._safe("add", False, key, value, timeout, version)

    def set(self, key, value, timeout=None, version=None):
        return self._safe("set", None, key, value, timeout, version)

    def set_many(self, data, timeout=None, version=None):
        return self._safe("set_many", list(data), data, timeout, version)

    def touch(self, key, timeout=None, version=None):
        return self._safe("touch", False, key, timeout, version)

    def delete(self, key, version=None):
        return self._safe("delete", False, key, version)

    def delete_many(self, keys, version=None):
        return self._safe("delete_many", None, keys, version)

    def has_key(self, key, version=None):
        return self._safe("has_key", False, key, version)

    def incr(self, key, delta=1, version=None):
        try:
            return super().incr(key, delta, version)
        except _redis_errors() as exc:
            logger.warning("Redis nicht erreichbar (incr): %s", exc)
            # Behave like a counter that was never started: callers treat it as the first hit.
            return delta

    def clear(self):
        return self._safe("clear", False)


# --- page cache -------------------------------------------------------------------------------------

GENERATION_KEY = "pagecache:generation"
NEVER_CACHED_PREFIXES = ("/admin/", "/django-admin/", "/dokumente/", "/healthz", "/media/", "/static/")
UNCACHEABLE_CONTROLS = ("private", "no-store", "no-cache")


def _page_cache():
    return caches[getattr(settings, "PAGE_CACHE_ALIAS", "default")]


def _fresh_generation() -> int:
    # Microseconds since the epoch: larger than any generation counted up since the last one was lost.
    return time.time_ns() // 1000


_unreachable_until = 0.0  # monotonic time; while the cache is down, skip it instead of waiting each time
UNREACHABLE_PAUSE = 10.0


# Within a request the generation is read from the cache once (PageCacheMiddleware opens the scope): with
# Redis, every menu, footer and fragment of a page would otherwise cost a round trip for it.
_UNKNOWN = object()
_request_generation: contextvars.ContextVar = contextvars.ContextVar("page_cache_generation", default=None)


def current_generation(cache=None) -> int | None:
    """The generation cached pages are stored under; None when the cache does not answer."""
    known = _request_generation.get()
    if known is not None and known is not _UNKNOWN:
        return known
    generation = _read_generation(cache)
    if known is _UNKNOWN and generation is not None:
        _request_generation.set(generation)
    return generation


def _read_generation(cache=None) -> int | None:
    global _unreachable_until
    if time.monotonic() < _unreachable_until:
        return None
    cache = cache or _page_cache()
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, _fresh_generation(), timeout=None)
        generation = cache.get(GENERATION_KEY)
        if generation is None:  # a fail-safe backend that cannot reach Redis: render without cache for a while
            _unreachable_until = time.monotonic() + UNREACHABLE_PAUSE
            logger.warning("Cache nicht erreichbar: Seiten werden %s s lang ohne Cache erzeugt", UNREACHABLE_PAUSE)
    return generation


def bump_generation() -> None:
    """Make every cached page stale at once."""
    if _request_generation.get() is not None:
        _request_generation.set(_UNKNOWN)  # read it afresh for the rest of this request
    cache = _page_cache()
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # never set or evicted: start afresh, above any number used before
        cache.set(GENERATION_KEY, _fresh_generation(), timeout=None)


class _LocalCopies:
    """A small per-process LRU of values whose key holds the generation (served pages, sitewide data).

    A page hit then needs one round trip to Redis (generation and Vary headers) instead of two, and
    sitewide data none; after a change the generation differs, so an old copy can never be served.
    """

    def __init__(self, size: int = 200):
        self.size, self.items, self.lock = size, OrderedDict(), threading.Lock()

    def get(self, key):
        with self.lock:
            value = self.items.get(key)
            if value is not None:
                self.items.move_to_end(key)
            return value

    def put(self, key, value) -> None:
        with self.lock:
            self.items[key] = value
            self.items.move_to_end(key)
            while len(self.items) > self.size:
                self.items.popitem(last=False)

    def clear(self) -> None:
        with self.lock:
            self.items.clear()


_local_pages = _LocalCopies()


class PageCacheMiddleware:
    """Serve anonymous page views from the cache; see the module docstring for what is never cached."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        scope = _request_generation.set(_UNKNOWN)
        try:
            return self.respond(request)
        finally:
            _request_generation.reset(scope)

    def respond(self, request):
        if not getattr(settings, "PAGE_CACHE_ENABLED", False) or not self.request_is_cacheable(request):
            response = self.get_response(request)
            if settings.SESSION_COOKIE_NAME in request.COOKIES and not response.has_header("Cache-Control"):
                # A signed-in editor's view (with the userbar) must not land in a shared cache either.
                patch_cache_control(response, private=True)
            return response

        cache = _page_cache()
        if time.monotonic() < _unreachable_until:  # cache down: render as if there were none
            return self.get_response(request)
        # One round trip for the generation and the URL's Vary headers (kept across generations: they only
        # pick the key; a stale list can only cause a miss, never a wrong page).
        header_key = _generate_cache_header_key("page", request)
        found = cache.get_many([GENERATION_KEY, header_key])
        generation = found.get(GENERATION_KEY) or current_generation(cache)
        if generation is None:
            return self.get_response(request)
        _request_generation.set(generation)
        prefix = f"page.{generation}"
        if found.get(header_key) is not None:
            key = _generate_cache_key(request, "GET", found[header_key], prefix)
            cached = _local_pages.get(key) or cache.get(key)
            if cached is not None:
                _local_pages.put(key, cached)
                response = pickle.loads(cached)  # noqa: S301 (written by this middleware only)
                response["X-Cache"] = "hit"
                return response

        response = self.get_response(request)
        if request.method == "GET" and self.response_is_cacheable(request, response):
            timeout = settings.PAGE_CACHE_SECONDS
            shared_max_age = getattr(settings, "PAGE_CACHE_SHARED_MAX_AGE", 0)
            if getattr(response, "shared_cache_exempt", False):
                patch_cache_control(response, private=True)  # only this cache: the view must see each request
            elif shared_max_age:
                # A CDN or proxy may keep it too; Wagtail's frontend-cache purge clears it on changes.
                patch_cache_control(response, public=True, max_age=0, s_maxage=shared_max_age)
            headerlist = sorted(
                "HTTP_" + header.upper().replace("-", "_")
                for header in cc_delim_re.split(response.get("Vary", ""))
                if header.strip()
            )
            key = _generate_cache_key(request, "GET", headerlist, prefix)
            stored = pickle.dumps(response, pickle.HIGHEST_PROTOCOL)
            cache.set_many({header_key: headerlist, key: stored}, timeout)
            _local_pages.put(key, stored)
            response["X-Cache"] = "miss"
        return response

    @staticmethod
    def request_is_cacheable(request) -> bool:
        return (
            request.method in ("GET", "HEAD")
            and not request.COOKIES
            and "HTTP_AUTHORIZATION" not in request.META
            and not request.path_info.startswith(NEVER_CACHED_PREFIXES)
            and len(request.get_full_path()) <= getattr(settings, "PAGE_CACHE_MAX_URL_LENGTH", 1000)
        )

    @staticmethod
    def response_is_cacheable(request, response) -> bool:
        if response.status_code != 200 or response.streaming or getattr(response, "page_cache_exempt", False):
            return False
        if response.cookies or request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
            return False  # a Set-Cookie or a CSRF token in a form belongs to one visitor only
        if isinstance(getattr(request, "_csp_nonce", None), str):
            return False  # the nonce in the page must match the header of this response only
        if getattr(request, "is_preview", False) or has_vary_header(response, "*"):
            return False
        cache_control = response.get("Cache-Control", "").lower()
        if any(word in cache_control for word in UNCACHEABLE_CONTROLS) or get_max_age(response) == 0:
            return False
        return len(response.content) <= getattr(settings, "PAGE_CACHE_MAX_BYTES", 1024 * 1024)


# --- invalidation -----------------------------------------------------------------------------------

WATCHED_APPS = {"contacts", "portal", "magazine"}
WATCHED_MODELS = {
    "wagtailcore.site",
    "wagtailcore.pageviewrestriction",
    "wagtailcore.collectionviewrestriction",
    "wagtailsearchpromotions.searchpromotion",
    "wagtaildocs.document",
    "wagtailimages.image",
    "taggit.tag",
}


@functools.cache
def shows_on_pages(model) -> bool:
    """Whether a change to `model` can change what a public page shows."""
    from wagtail.contrib.forms.models import AbstractFormSubmission
    from wagtail.images.models import AbstractRendition
    from wagtail.models import Page

    if getattr(model, "page_cache_ignore", False) or issubclass(model, (AbstractRendition, AbstractFormSubmission)):
        return False
    label = model._meta.label_lower
    if label in {name.lower() for name in getattr(settings, "PAGE_CACHE_IGNORE_MODELS", ())}:
        return False
    return issubclass(model, Page) or model._meta.app_label in WATCHED_APPS or label in WATCHED_MODELS


def _purge_frontend_cache() -> None:
    """With a CDN or proxy configured, purge every live page: menus and footers make them all depend on it."""
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    from wagtail.contrib.frontend_cache.utils import PurgeBatch
    from wagtail.models import Page

    batch = PurgeBatch()
    batch.add_pages(Page.objects.live().public().specific(defer=True).iterator())
    batch.purge()


def _after_commit() -> None:
    bump_generation()
    try:
        _purge_frontend_cache()
    except Exception:  # a CDN that does not answer must not break publishing
        logger.exception("Frontend-Cache konnte nicht geleert werden")


def content_changed(using: str = "default") -> None:
    """Invalidate now and again once the transaction commits.

    Now: so that a change is visible at once within its own transaction (and in tests). After the commit:
    so that a page rendered from the old data while the transaction ran is not served afterwards.
    """
    bump_generation()
    connection = connections[using]
    # One callback per transaction is enough, however many objects it saves.
    if connection.in_atomic_block and any(func is _after_commit for _s, func, _r in connection.run_on_commit):
        return
    transaction.on_commit(_after_commit, using=using, robust=True)


def _on_model_change(sender, instance=None, using="default", raw=False, **kwargs):
    if raw or sender is None:
        return
    if shows_on_pages(sender):
        content_changed(using or "default")


def _on_page_signal(sender, instance=None, **kwargs):
    content_changed()


def connect_invalidation_signals() -> None:
    from django.db.models.signals import m2m_changed, post_delete, post_save
    from wagtail.models import Page
    from wagtail.signals import page_published, page_unpublished, post_page_move, published, unpublished

    post_save.connect(_on_model_change, dispatch_uid="pagecache_post_save")
    m2m_changed.connect(_on_model_change, dispatch_uid="pagecache_m2m")
    # post_delete only for the models we watch: a receiver for all senders would disable Django's fast
    # deletes everywhere. Deleting a page of any type deletes its wagtailcore.Page row, so Page covers them.
    from django.apps import apps

    for model in apps.get_models():
        if shows_on_pages(model) and (not issubclass(model, Page) or model is Page):
            post_delete.connect(_on_model_change, sender=model, dispatch_uid=f"pagecache_delete_{model._meta.label}")
    for signal in (page_published, page_unpublished, post_page_move, published, unpublished):
        signal.connect(_on_page_signal, dispatch_uid=f"pagecache_{id(signal)}")


# --- site-wide data kept until the content changes ----------------------------------------------------

_MISSING = object()
_local_values = _LocalCopies(size=500)


def generation_cached(name: str, build):
    """`build()`, computed once per content generation: for data every page shows (menus, footer).

    Invalidated together with the page cache, so an editor's change shows at once; works whether or not
    the page cache itself is on. Each process keeps a copy by generation too: a hit then costs no round
    trip to Redis. The generation is in the key, so a copy can never outlive a change.
    """
    cache = _page_cache()
    generation = current_generation(cache)
    if generation is None:
        return build()
    key = f"sitewide:{generation}:{name}"
    local = _local_values.get(key)
    if local is not None:
        # Strings are immutable; anything else is handed out as a fresh copy, as the cache itself would.
        return local if isinstance(local, str) else pickle.loads(local)  # noqa: S301 (our own data)
    value = cache.get(key, _MISSING)
    if value is _MISSING:
        value = build()
        cache.set(key, value, getattr(settings, "PAGE_CACHE_SECONDS", 600))
    _local_values.put(key, value if isinstance(value, str) else pickle.dumps(value, pickle.HIGHEST_PROTOCOL))
    return value


def chosen_instances(name: str, values, fetch) -> list:
    """The instances for a chooser block's values (ids; None where nothing is chosen), in their order.

    `fetch(ids)` returns {id: instance}; it runs once per content generation for each set of ids, so the
    bodies of many pages can show the same chosen items without a query. An id chosen twice gets a copy,
    as Wagtail's own chooser blocks do; a deleted item stays None."""
    ids = sorted({pk for pk in values if pk is not None})
    found = generation_cached(f"{name}:{','.join(map(str, ids))}", lambda: fetch(ids)) if ids else {}
    result, seen = [], set()
    for pk in values:
        instance = found.get(pk)
        result.append(copy.copy(instance) if instance is not None and pk in seen else instance)
        seen.add(pk)
    return result


class _Restricted:
    """What PageQuerySet.descendant_of_q needs of a restricted page."""

    def __init__(self, path: str, depth: int):
        self.path, self.depth = path, depth


def _restricted_sections() -> list[tuple[str, int]]:
    from wagtail.models import PageViewRestriction

    return generation_cached(
        "restricted-sections",
        lambda: sorted(set(PageViewRestriction.objects.values_list("page__path", "page__depth"))),
    )


def _cached_private_q(self):
    """Wagtail's PageQuerySet.private_q, with the list of restricted sections cached per generation.

    Every `.public()` in a listing or menu otherwise costs one query for all view restrictions.
    View restrictions and page moves bump the generation (see `WATCHED_MODELS` and the move signal).
    """
    from django.db.models import Q

    q = Q()
    for path, depth in _restricted_sections():
        q |= self.descendant_of_q(_Restricted(path, depth), inclusive=True)
    return q if q else Q(pk__in=[])


def install_restriction_shortcuts() -> None:
    """Save the restriction queries of every page view while the site has no private section."""
    from wagtail.models import Page, PageViewRestriction
    from wagtail.query import PageQuerySet

    PageQuerySet.private_q = _cached_private_q
    wagtail_get_view_restrictions = Page.get_view_restrictions

    def get_view_restrictions(self):
        if not _restricted_sections():
            return PageViewRestriction.objects.none()
        return wagtail_get_view_restrictions(self)

    Page.get_view_restrictions = get_view_restrictions
