"""Runs inside Django on one scale's database: what each row of `make bench-scale` costs. Prints JSON.

In-process with Django's test client, one request at a time: render time (median of ROUNDS, after one
request that fills what every worker keeps), SQL queries (Django's query capture, on a separate request:
the capture costs time of its own), peak Python memory (tracemalloc, on another request) where memory is
the question (exports, sitemap, import). The page cache is off for every row: these are the renders a
cache miss costs. "Nach Änderung" is the first render after the content generation moved on.
"""

import json
import math
import os
import statistics
import time
import tracemalloc

import django

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import override_settings  # noqa: E402

from bench.targets import first_live_page, page_path, targets  # noqa: E402
from core.cache import bump_generation  # noqa: E402

ROUNDS = int(os.environ.get("BENCH_SCALE_ROUNDS", "7"))
SEARCH_ROUNDS = 20  # for the p95
COMMON_WORD = "Anzeige"
RARE_WORD = "Gebärdensprache"  # one page of the site-wide content, not copied by the load generator
IMPORT_ROWS = 5000


class QueryCounter:
    """Counts the SQL statements run while it is open. Django's CaptureQueriesContext miscounts across
    requests of the test client: each request empties the query log it reads."""

    def __init__(self):
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)

    def __enter__(self):
        self._wrapper = connection.execute_wrapper(self)
        self._wrapper.__enter__()
        return self

    def __exit__(self, *exc):
        self._wrapper.__exit__(*exc)


def consume(response) -> int:
    if response.streaming:
        return sum(len(chunk) for chunk in response.streaming_content)
    return len(response.content)


def measure(client, path, rounds=ROUNDS, memory=False, after_change=True) -> dict:
    with override_settings(PAGE_CACHE_ENABLED=False):
        response = client.get(path)
        assert response.status_code == 200, (path, response.status_code)
        size = consume(response)
        for _ in range(2):  # warm: the database's own caches, renditions, per-generation data
            consume(client.get(path))
        with QueryCounter() as queries:
            consume(client.get(path))
        timings = []
        for _ in range(rounds):
            started = time.perf_counter()
            consume(client.get(path))
            timings.append((time.perf_counter() - started) * 1000)
        row = {
            "ms": statistics.median(timings),
            "p95": sorted(timings)[max(0, math.ceil(0.95 * len(timings)) - 1)],
            "sql": queries.count,
            "bytes": size,
        }
        if memory:
            tracemalloc.start()
            consume(client.get(path))
            row["peak_kb"] = tracemalloc.get_traced_memory()[1] / 1024
            tracemalloc.stop()
        if after_change:
            bump_generation()
            with QueryCounter() as queries:
                consume(client.get(path))
            row["cold_sql"] = queries.count
            cold = []
            for _ in range(3):
                bump_generation()
                started = time.perf_counter()
                consume(client.get(path))
                cold.append((time.perf_counter() - started) * 1000)
            row["cold_ms"] = statistics.median(cold)
    return row


def import_file(rows: int, bad_last: bool) -> bytes:
    lines = ["key,name,kind,nationwide,bundeslaender,situations,phones,website"]
    for number in range(rows):
        kind = "polizei" if not (bad_last and number == rows - 1) else "keine-art"
        lines.append(
            f"bench-import-{number},Importierte Stelle {number} (Lastinhalt),{kind},nein,DE-BY,bedrohung,"
            f",https://example.org/stelle-{number}"
        )
    return ("\n".join(lines) + "\n").encode()


def measure_import(bad_last: bool) -> dict:
    from contacts.importer import import_contacts
    from contacts.models import Contact

    data = import_file(IMPORT_ROWS, bad_last)
    before = Contact.objects.count()
    tracemalloc.start()
    started = time.perf_counter()
    with transaction.atomic():  # rolled back: the scale's database stays as it was for the next run
        result = import_contacts(data, publish=True)
        elapsed = (time.perf_counter() - started) * 1000
        during = Contact.objects.count()
        transaction.set_rollback(True)
    peak = tracemalloc.get_traced_memory()[1] / 1024
    tracemalloc.stop()
    row = {"ms": elapsed, "peak_kb": peak, "bytes": len(data)}
    if bad_last:
        row["note"] = "nichts geändert" if (not result.ok and during == before) else "FEHLER: Teilimport"
        row["unchanged"] = not result.ok and during == before
    else:
        row["note"] = f"{len(result.created)} neu" if result.ok else f"Fehler: {result.errors[:1]}"
        row["ok"] = result.ok and during == before + IMPORT_ROWS
    return row


def admin_client():
    user = get_user_model().objects.filter(username="bench-admin").first()
    if user is None:
        user = get_user_model().objects.create_superuser("bench-admin", "", None)
    client = Client()
    client.force_login(user)
    return client


def main():
    from contacts.models import Bundesland, Contact
    from magazine.models import ArticlePage, MagazineSectionPage
    from magazine.models.sections import PAGE_SIZE
    from portal.models import CaseExamplePage, GuidancePage

    client = Client()
    found = targets(client)
    rows = {}
    for label in ("Startseite", "Ratgeberseite", "Bundesland", "Lotse-Ergebnis", "Artikel"):
        if label in found:
            rows[label] = measure(client, found[label])
    case = page_path(first_live_page("CaseExamplePage"))
    if case:
        rows["Fallbeispiel"] = measure(client, case)
    magazine = page_path(first_live_page("MagazineIndexPage"))
    if magazine:
        articles = ArticlePage.objects.live().public().count()
        last = max(1, math.ceil(articles / PAGE_SIZE))
        rows["Magazin Seite 1"] = measure(client, magazine)
        rows[f"Magazin letzte Seite ({last})"] = measure(client, f"{magazine}?seite={last}")
    news = page_path(first_live_page("NewsIndexPage"))
    if news:
        rows["Aktuelles"] = measure(client, news)
    for label, word in (("Suche häufiges Wort", COMMON_WORD), ("Suche seltenes Wort", RARE_WORD)):
        rows[label] = measure(client, f"/suche/?q={word}", rounds=SEARCH_ROUNDS)
    rows["Sitemap"] = measure(client, "/sitemap.xml", rounds=3, memory=True, after_change=False)
    if magazine:
        rows["Feed"] = measure(client, f"{magazine}feed/", rounds=3, after_change=False)
    once = {"rounds": 3, "after_change": False}  # machine views and admin lists: no per-generation data
    rows["Offene Daten JSON"] = measure(client, "/kontakte/offene-daten.json", memory=True, **once)
    rows["Offene Daten CSV"] = measure(client, "/kontakte/offene-daten.csv", memory=True, **once)

    admin = admin_client()
    land = Bundesland.objects.get(slug="bayern")
    rows["Admin: Kontakte, Filter Land"] = measure(
        admin, f"/admin/snippets/contacts/contact/?bundesland={land.pk}", rounds=3, after_change=False
    )
    rows["Admin: Zu prüfen"] = measure(admin, "/admin/snippets/contacts/contact/zu-pruefen/", **once)
    section = max(MagazineSectionPage.objects.all(), key=lambda s: s.get_children_count(), default=None)
    if section is not None:
        rows["Admin: Seiten im Magazin-Bereich"] = measure(admin, f"/admin/pages/{section.pk}/", **once)

    if os.environ.get("BENCH_SCALE_IMPORT", "1") != "0":
        rows[f"Import {IMPORT_ROWS} Kontakte"] = measure_import(bad_last=False)
        rows[f"Import {IMPORT_ROWS}, letzte Zeile falsch"] = measure_import(bad_last=True)

    counts = {
        "Seiten": ArticlePage.objects.count() + GuidancePage.objects.count() + CaseExamplePage.objects.count(),
        "Artikel": ArticlePage.objects.count(),
        "Kontakte": Contact.objects.count(),
    }
    print(json.dumps({"rows": rows, "counts": counts}))


if __name__ == "__main__":
    main()
