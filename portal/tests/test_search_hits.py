"""Searches are counted for the editors in memory and written in batches, so search pages can be cached."""

from datetime import date
from unittest import mock

import pytest
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits

from portal.search_hits import SearchHitCounter, search_hits

pytestmark = pytest.mark.django_db


def hits(query: str) -> int:
    return Query.get(query).hits


def test_counts_wait_in_memory_until_the_interval_has_passed(settings):
    settings.SEARCH_HITS_FLUSH_SECONDS = 3600
    counter = SearchHitCounter()
    for _ in range(3):
        counter.record("anzeige")
    counter.record("beratung")
    assert not QueryDailyHits.objects.exists()
    counter.flush()
    assert hits("anzeige") == 3
    assert hits("beratung") == 1
    counter.flush()  # nothing pending: nothing counted twice
    assert hits("anzeige") == 3


def test_a_flush_adds_to_the_counts_of_the_same_day(settings):
    settings.SEARCH_HITS_FLUSH_SECONDS = 3600
    counter = SearchHitCounter()
    with mock.patch("portal.search_hits.timezone.localdate", return_value=date(2026, 11, 20)):
        counter.record("anzeige")
        counter.flush()
        counter.record("anzeige")
        counter.record("anzeige")
        counter.flush()
    daily = QueryDailyHits.objects.get(query__query_string="anzeige")
    assert (daily.date, daily.hits) == (date(2026, 11, 20), 3)


def test_when_the_interval_has_passed_the_next_search_writes_the_counts(settings):
    settings.SEARCH_HITS_FLUSH_SECONDS = 3600
    counter = SearchHitCounter()
    counter.record("anzeige")
    settings.SEARCH_HITS_FLUSH_SECONDS = 0
    counter.record("anzeige")
    assert hits("anzeige") == 2


def test_counts_survive_a_database_error_and_are_written_later(settings):
    settings.SEARCH_HITS_FLUSH_SECONDS = 3600
    counter = SearchHitCounter()
    counter.record("anzeige")
    with mock.patch.object(Query, "get", side_effect=RuntimeError("Datenbank weg")):
        counter.flush()
    assert not QueryDailyHits.objects.exists()
    counter.flush()
    assert hits("anzeige") == 1


@pytest.mark.parametrize(
    ("params", "counted"),
    [({"q": "Anzeige"}, 1), ({"q": "Anzeige", "seite": "2"}, 0), ({"q": "  "}, 0), ({}, 0)],
)
def test_only_the_first_page_of_a_real_search_is_counted(home_page, client, params, counted):
    assert search_hits.pending == {}
    response = client.get("/suche/", params)
    assert response.status_code == 200
    assert sum(q.hits for q in Query.objects.all()) == counted
