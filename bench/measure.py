"""Runs inside Django with the benchmark's settings: which URLs to load, and SQL queries per request.

Prints JSON for bench/run.py. Queries are counted with Django's test client in this process (the
server under load has no debug hooks): uncached with the page cache off, cached on a second request,
and "after a change": the first render after the content generation moved on, when every per-generation
copy (menus, site, partner names, chosen contacts and cards, related ranking) has to be built again.
That one is also timed here, one request at a time (median of COLD_ROUNDS changes).
"""

import json
import statistics
import time

import django

django.setup()

from django.db import connection  # noqa: E402
from django.templatetags.static import static  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, override_settings  # noqa: E402

from bench.targets import first_live_page, page_path, targets  # noqa: E402
from core.cache import bump_generation  # noqa: E402

COLD_ROUNDS = 15


def count(client, path, cache_on: bool) -> int:
    with override_settings(PAGE_CACHE_ENABLED=cache_on):
        client.get(path)  # the first request fills what every worker keeps (site root paths, renditions)
        with CaptureQueriesContext(connection) as context:
            response = client.get(path)
    assert response.status_code == 200, (path, response.status_code)
    return len(context.captured_queries)


def after_change(client, path) -> tuple[int, float]:
    """SQL queries and milliseconds of the first uncached render after a content change."""
    with override_settings(PAGE_CACHE_ENABLED=False):
        client.get(path)
        bump_generation()
        with CaptureQueriesContext(connection) as context:
            client.get(path)
        queries = len(context.captured_queries)  # now: every request clears the query log
        timings = []
        for _ in range(COLD_ROUNDS):  # timed without the query log, which costs time of its own
            bump_generation()
            started = time.perf_counter()
            response = client.get(path)
            timings.append((time.perf_counter() - started) * 1000)
    assert response.status_code == 200, (path, response.status_code)
    return queries, statistics.median(timings)


def main():
    client = Client()
    found = targets(client)
    sql = {label: [count(client, path, False), count(client, path, True)] for label, path in found.items()}
    cold = {label: after_change(client, path) for label, path in found.items()}
    # Lighthouse: the home page, a guidance page, the contact finder and an article (issue 7), and the two
    # pages of the first minute, a Lotse plan and a Land page (issue 13).
    lighthouse = {label: found[label] for label in ("Startseite", "Ratgeberseite") if label in found}
    finder = page_path(first_live_page("ContactFinderPage"))
    if finder:
        lighthouse["Kontaktfinder"] = finder
    for label in ("Artikel", "Lotse-Ergebnis", "Bundesland"):
        if label in found:
            lighthouse[label] = found[label]
    print(
        json.dumps(
            {
                "targets": found,
                "static": static("css/main.css"),
                "sql": sql,
                "cold": cold,
                "cold_rounds": COLD_ROUNDS,
                "lighthouse": lighthouse,
            }
        )
    )


if __name__ == "__main__":
    main()
