"""The content generation: one number for every process, read once per request, never outlived by a copy."""

from unittest import mock

import pytest
from django.db import transaction

from core.cache import generation as gen
from core.models import ContentGeneration

pytestmark = pytest.mark.django_db


@pytest.fixture
def request_scope():
    scope = gen.open_request_scope()
    yield
    gen.close_request_scope(scope)


def test_with_a_per_process_cache_the_generation_lives_in_the_database(settings):
    assert settings.CACHES["default"]["BACKEND"].endswith("LocMemCache")
    assert gen.generation_in_database()
    before = gen.current_generation()
    assert ContentGeneration.objects.get(pk=1).value == before
    gen.bump_generation()
    assert ContentGeneration.objects.get(pk=1).value == before + 1 == gen.current_generation()


def test_a_shared_cache_keeps_the_generation_itself(settings):
    settings.CACHES = {"default": {"BACKEND": "django_redis.cache.RedisCache", "LOCATION": "redis://127.0.0.1:1/0"}}
    assert not gen.generation_in_database()
    settings.PAGE_CACHE_GENERATION_STORE = "database"
    assert gen.generation_in_database()


@pytest.mark.django_db(transaction=True)
def test_the_bump_commits_with_the_content_and_rolls_back_with_it():
    before = gen.current_generation()
    with pytest.raises(RuntimeError), transaction.atomic():
        gen.bump_generation()
        raise RuntimeError("Speichern fehlgeschlagen")
    assert gen.current_generation() == before  # nothing changed, nothing goes stale
    with transaction.atomic():
        gen.bump_generation()
    assert gen.current_generation() == before + 1


def test_a_lost_row_starts_again_above_every_earlier_number():
    before = gen.current_generation()
    ContentGeneration.objects.all().delete()
    assert gen.current_generation() > before
    ContentGeneration.objects.all().delete()
    gen.bump_generation()
    assert gen.current_generation() > before


def test_a_request_reads_the_generation_once_and_again_after_a_change(request_scope, django_assert_num_queries):
    first = gen.current_generation()
    with django_assert_num_queries(0):
        assert gen.current_generation() == first
    with mock.patch.object(gen, "read_generation", wraps=gen.read_generation) as read:
        gen.bump_generation()
        assert gen.current_generation() > first
        assert read.call_count == 1


def test_outside_a_request_every_call_reads_the_generation():
    first = gen.current_generation()
    gen.bump_generation()
    assert gen.current_generation() > first


def test_values_are_built_once_per_generation_and_handed_out_as_copies(request_scope):
    build = mock.Mock(side_effect=lambda: ["Rat und Tat", "Magazin"])
    menu = gen.generation_cached("test-menu", build)
    menu.append("verändert vom Aufrufer")
    assert gen.generation_cached("test-menu", build) == ["Rat und Tat", "Magazin"]
    assert build.call_count == 1
    gen.bump_generation()
    gen.generation_cached("test-menu", build)
    assert build.call_count == 2


def test_no_per_process_copy_is_kept_beside_a_per_process_cache(request_scope):
    gen.local_values.clear()
    gen.generation_cached("test-menu", lambda: ["Rat und Tat"])
    assert gen.local_values.items == {}  # the cache is this process's memory already
