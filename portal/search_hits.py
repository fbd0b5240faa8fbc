"""Counting searches for the editors' list of popular queries without keeping search out of the cache.

Each search used to write its hit to the database while the page was rendered, so a search page could
never come from the page cache. Now `SearchHitMiddleware` sits in front of the page cache and counts
every first results page it answers with 200, served from the cache or not, in memory; each process
writes its counts to Wagtail's `Query`/`QueryDailyHits` at most every `SEARCH_HITS_FLUSH_SECONDS`
(default 60) and when it exits. A process that is killed loses at most that long of counts; the
search itself never waits for or fails on the count.

Searches that found nothing are counted the same way into `portal.UnansweredSearch`, for the editors'
report "Suchen ohne Treffer": the view leaves the number of results on the response (kept with a cached
page), so a miss is counted whether the page cache answered or not.
"""

import atexit
import logging
import threading
import time
from collections import Counter

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone

logger = logging.getLogger(__name__)


class SearchHitCounter:
    def __init__(self):
        self.lock = threading.Lock()
        self.pending: Counter = Counter()  # (date, query) → hits
        self.misses: Counter = Counter()  # (date, query) → searches without results
        self.last_flush = time.monotonic()
        atexit.register(self.flush)

    def record(self, query: str, found: bool = True) -> None:
        with self.lock:
            key = (timezone.localdate(), query)
            self.pending[key] += 1
            if not found:
                self.misses[key] += 1
            due = time.monotonic() - self.last_flush >= getattr(settings, "SEARCH_HITS_FLUSH_SECONDS", 60)
        if due:
            self.flush()

    def flush(self) -> None:
        from wagtail.contrib.search_promotions.models import Query, QueryDailyHits

        from portal.models import UnansweredSearch

        with self.lock:
            pending, self.pending = self.pending, Counter()
            misses, self.misses = self.misses, Counter()
            self.last_flush = time.monotonic()
        if not pending and not misses:
            return
        try:
            with transaction.atomic():
                for (date, query), hits in pending.items():
                    daily, _ = QueryDailyHits.objects.get_or_create(query=Query.get(query), date=date)
                    QueryDailyHits.objects.filter(pk=daily.pk).update(hits=F("hits") + hits)
                for (date, query), hits in misses.items():
                    # Stored as Wagtail stores queries (lower case, one space), so both reports agree.
                    miss, _ = UnansweredSearch.objects.get_or_create(
                        query_string=Query.get(query).query_string, date=date
                    )
                    UnansweredSearch.objects.filter(pk=miss.pk).update(hits=F("hits") + hits)
        except Exception:  # database away: keep the counts for the next try
            logger.warning("Suchbegriffe konnten nicht gezählt werden; nächster Versuch später", exc_info=True)
            with self.lock:
                self.pending.update(pending)
                self.misses.update(misses)


search_hits = SearchHitCounter()


class SearchHitMiddleware:
    """Count each search (its first results page), whether the page cache answered it or not."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.search_path = None

    def __call__(self, request):
        response = self.get_response(request)
        if self.search_path is None:
            self.search_path = reverse("search")
        if request.method == "GET" and request.path_info == self.search_path and response.status_code == 200:
            from portal.search import clean_query, parse_page_number

            query = clean_query(request.GET.get("q", ""))
            if query and parse_page_number(request.GET.get("seite")) == 1 and not request.GET.get("typ"):
                search_hits.record(query, found=getattr(response, "search_result_count", 1) != 0)
        return response
