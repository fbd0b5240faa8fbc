"""The content generation: one number for the whole installation, and the values kept per generation.

Every cached page and value is stored under the generation it was built in. Any change to content that a
page may show bumps the generation (see `invalidation`), so all of them go stale together. For that to
hold in every topology the number must be shared by every process that can change or serve content (each
gunicorn worker, the `publish_scheduled` timer, a management command, the shell):

- With a shared cache (Redis) it lives in the cache, as `GENERATION_KEY`.
- With a per-process cache (the embedded default, or production without REDIS_URL) it lives in the
  database, in the single row of `core.ContentGeneration`: one indexed single-row query per request. The
  bump is an UPDATE inside the writer's own transaction, so the new number becomes visible in the same
  commit as the content it announces.

`PAGE_CACHE_GENERATION_STORE` ("cache" or "database") overrides the choice.
"""

import contextvars
import copy
import logging
import pickle
import threading
import time
from collections import OrderedDict

from django.conf import settings
from django.core.cache import caches
from django.db import DatabaseError
from django.db.models import F

from .backend import is_per_process

logger = logging.getLogger(__name__)

GENERATION_KEY = "pagecache:generation"


def page_cache_alias() -> str:
    return getattr(settings, "PAGE_CACHE_ALIAS", "default")


def page_cache():
    return caches[page_cache_alias()]


def generation_in_database() -> bool:
    """Whether the generation is kept in the database: whenever the cache is not shared by all processes."""
    store = getattr(settings, "PAGE_CACHE_GENERATION_STORE", "auto")
    if store == "auto":
        return is_per_process(settings.CACHES[page_cache_alias()])
    return store == "database"


def fresh_generation() -> int:
    # Microseconds since the epoch: larger than any generation counted up since the last one was lost.
    return time.time_ns() // 1000


# While a shared cache is down, skip it for a while instead of waiting for its timeout on every call.
_unreachable_until = 0.0  # monotonic time
UNREACHABLE_PAUSE = 10.0


def cache_unreachable() -> bool:
    return time.monotonic() < _unreachable_until


# Within a request the generation is read once (PageCacheMiddleware opens the scope): every menu, footer
# and fragment of a page would otherwise cost a query or a round trip for it.
UNKNOWN = object()
_request_generation: contextvars.ContextVar = contextvars.ContextVar("page_cache_generation", default=None)


def open_request_scope():
    return _request_generation.set(UNKNOWN)


def close_request_scope(token) -> None:
    _request_generation.reset(token)


def remember_for_request(generation: int) -> None:
    _request_generation.set(generation)


def current_generation() -> int | None:
    """The generation cached pages are stored under; None when it cannot be read (cache or database down)."""
    known = _request_generation.get()
    if known is not None and known is not UNKNOWN:
        return known
    generation = read_generation()
    if known is UNKNOWN and generation is not None:
        _request_generation.set(generation)
    return generation


def read_generation() -> int | None:
    if generation_in_database():
        return _read_from_database()
    return _read_from_cache()


def _read_from_database() -> int | None:
    from core.models import ContentGeneration

    try:
        value = ContentGeneration.objects.filter(pk=1).values_list("value", flat=True).first()
        if value is None:  # the row is made by the migration; a flushed test database has none
            ContentGeneration.objects.get_or_create(pk=1, defaults={"value": fresh_generation()})
            value = ContentGeneration.objects.filter(pk=1).values_list("value", flat=True).first()
    except DatabaseError as exc:
        logger.warning("Inhaltsstand nicht lesbar, Seiten ohne Cache: %s", exc)
        return None
    return value


def _read_from_cache() -> int | None:
    global _unreachable_until
    if cache_unreachable():
        return None
    cache = page_cache()
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, fresh_generation(), timeout=None)
        generation = cache.get(GENERATION_KEY)
        if generation is None:  # a fail-safe backend that cannot reach Redis: render without cache for a while
            _unreachable_until = time.monotonic() + UNREACHABLE_PAUSE
            logger.warning("Cache nicht erreichbar: Seiten werden %s s lang ohne Cache erzeugt", UNREACHABLE_PAUSE)
    return generation


def bump_generation(using: str = "default") -> None:
    """Make every cached page and value stale at once, in every process."""
    if _request_generation.get() is not None:
        _request_generation.set(UNKNOWN)  # read it afresh for the rest of this request
    if generation_in_database():
        from core.models import ContentGeneration

        rows = ContentGeneration.objects.using(using)
        if not rows.filter(pk=1).update(value=F("value") + 1):
            rows.get_or_create(pk=1, defaults={"value": fresh_generation()})
        return
    cache = page_cache()
    if not _incr(cache):
        cache.set(GENERATION_KEY, fresh_generation(), timeout=None)


def _incr(cache) -> bool:
    try:
        return cache.incr(GENERATION_KEY) is not None
    except ValueError:  # never set or evicted: start afresh, above any number used before
        return False


class LocalCopies:
    """A small per-process LRU of values whose key holds the generation (served pages, per-generation data).

    Used only in front of a shared cache (Redis): a page hit then needs one round trip instead of two, and
    per-generation data none. The generation read for this request is part of the key, so a copy is never
    served once the shared generation has moved on.
    """

    def __init__(self, size: int = 200):
        self.size, self.items, self.lock = size, OrderedDict(), threading.Lock()

    def get(self, key):
        if generation_in_database():
            return None  # the cache is this process's memory already
        with self.lock:
            value = self.items.get(key)
            if value is not None:
                self.items.move_to_end(key)
            return value

    def put(self, key, value) -> None:
        if generation_in_database():
            return
        with self.lock:
            self.items[key] = value
            self.items.move_to_end(key)
            while len(self.items) > self.size:
                self.items.popitem(last=False)

    def clear(self) -> None:
        with self.lock:
            self.items.clear()


_MISSING = object()
local_values = LocalCopies(size=500)


def generation_cached(name: str, build):
    """`build()`, computed once per content generation: for data many pages show (menus, footer, site).

    Goes stale with the page cache, so an editor's change shows at once; works whether or not the page
    cache itself is on.
    """
    generation = current_generation()
    if generation is None:
        return build()
    key = f"sitewide:{generation}:{name}"
    local = local_values.get(key)
    if local is not None:
        # Strings are immutable; anything else is handed out as a fresh copy, as the cache itself would.
        return local if isinstance(local, str) else pickle.loads(local)  # noqa: S301 (our own data)
    cache = page_cache()
    value = cache.get(key, _MISSING)
    if value is _MISSING:
        value = build()
        cache.set(key, value, getattr(settings, "PAGE_CACHE_SECONDS", 600))
    local_values.put(key, value if isinstance(value, str) else pickle.dumps(value, pickle.HIGHEST_PROTOCOL))
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
