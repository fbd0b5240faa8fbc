"""The Redis cache (django-redis): one client per server, reused across calls, and counters that count."""

import os

import pytest
from django_redis.cache import RedisCache

pytestmark = pytest.mark.redis


@pytest.fixture
def redis_cache():
    cache = RedisCache(
        os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0"),
        {"KEY_PREFIX": "sia-test", "OPTIONS": {"IGNORE_EXCEPTIONS": True}},
    )
    yield cache
    cache.delete_many(["generation", "page"])


def test_the_client_object_is_built_once_and_reused(redis_cache):
    client = redis_cache.client.get_client()
    assert redis_cache.client.get_client(write=True) is client
    redis_cache.set("generation", 7)
    assert redis_cache.incr("generation") == 8
    redis_cache.set("page", b"<html>")
    assert redis_cache.get_many(["generation", "page"]) == {"generation": 8, "page": b"<html>"}
