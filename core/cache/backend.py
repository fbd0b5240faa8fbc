"""Which cache backends keep their data in one process only.

The backends themselves are configured in settings: django-redis with REDIS_URL (IGNORE_EXCEPTIONS, so a
Redis outage means cache misses, not errors), else Django's per-process memory cache. With a per-process
backend the content generation cannot live in the cache: `generation` then keeps it in the database.
"""

PER_PROCESS_BACKENDS = {
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.dummy.DummyCache",
}


def is_per_process(cache_config: dict) -> bool:
    return cache_config.get("BACKEND") in PER_PROCESS_BACKENDS
