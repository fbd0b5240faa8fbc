"""Per-request and per-process shortcuts of the page cache's generation never outlive a change."""

from unittest import mock

import pytest

from starkimamt import cache as page_cache


@pytest.fixture
def request_scope():
    scope = page_cache._request_generation.set(page_cache._UNKNOWN)
    yield
    page_cache._request_generation.reset(scope)


def test_a_request_reads_the_generation_once_and_again_after_a_change(request_scope):
    first = page_cache.current_generation()
    with mock.patch.object(page_cache, "_read_generation", wraps=page_cache._read_generation) as read:
        assert page_cache.current_generation() == first
        assert read.call_count == 0
        page_cache.bump_generation()
        assert page_cache.current_generation() > first
        assert read.call_count == 1


def test_outside_a_request_every_call_reads_the_generation():
    first = page_cache.current_generation()
    page_cache.bump_generation()
    assert page_cache.current_generation() > first


def test_sitewide_data_is_built_once_per_generation_and_handed_out_as_copies(request_scope):
    build = mock.Mock(side_effect=lambda: ["Rat und Tat", "Magazin"])
    menu = page_cache.generation_cached("test-menu", build)
    menu.append("verändert vom Aufrufer")
    assert page_cache.generation_cached("test-menu", build) == ["Rat und Tat", "Magazin"]
    assert build.call_count == 1
    page_cache.bump_generation()
    page_cache.generation_cached("test-menu", build)
    assert build.call_count == 2
