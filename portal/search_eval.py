"""Runs the relevance set (portal/search_relevance.py) against the current database: share answered well,
the worst misses, and how long each query took. Used by `make search-eval` and by the tests."""

import time
from dataclasses import dataclass

from django.db import connection
from django.test import RequestFactory
from wagtail.models import Site

from portal.search import build_hits, clean_query
from portal.search_engine import run_search
from portal.search_relevance import RELEVANCE_SET, Case

TOP = 3


@dataclass
class Result:
    case: Case
    top: list[str]
    seconds: float

    @property
    def good(self) -> bool:
        return any(ident in self.case.accept for ident in self.top[:TOP])

    @property
    def best_position(self) -> int | None:
        """Where the first accepted result is (1-based), None when it is not in the list at all."""
        return next((i + 1 for i, ident in enumerate(self.top) if ident in self.case.accept), None)


def evaluate(cases: list[Case] = RELEVANCE_SET) -> list[Result]:
    site = Site.objects.filter(is_default_site=True).first()
    request = RequestFactory().get("/suche/", SERVER_NAME=site.hostname if site else "testserver")
    results = []
    for case in cases:
        started = time.perf_counter()
        outcome = run_search(clean_query(case.query), site)
        hits = build_hits(outcome, request)
        seconds = time.perf_counter() - started
        results.append(Result(case, [hit.ident for hit in hits[:20]], seconds))
    return results


def share(results: list[Result]) -> float:
    return sum(result.good for result in results) / len(results) if results else 0.0


def report(results: list[Result], worst: int = 10) -> str:
    lines = [
        f"Datenbank: {connection.vendor}",
        f"Relevanz-Set: {sum(r.good for r in results)} von {len(results)} Suchen gut beantwortet "
        f"({share(results):.0%}; gut = eine akzeptierte Seite unter den ersten {TOP})",
    ]
    by_kind: dict[str, list[Result]] = {}
    for result in results:
        by_kind.setdefault(result.case.kind, []).append(result)
    lines.append("Nach Art: " + ", ".join(f"{kind} {share(items):.0%}" for kind, items in by_kind.items()))
    misses = sorted((r for r in results if not r.good), key=lambda r: r.best_position or 999)
    if misses:
        lines.append(f"Schlechteste Treffer (bis zu {worst}):")
        for result in misses[::-1][:worst]:
            where = f"erst an Stelle {result.best_position}" if result.best_position else "nicht gefunden"
            lines.append(f"  „{result.case.query}“: {where}; oben: {', '.join(result.top[:TOP]) or '(nichts)'}")
    times = sorted(r.seconds for r in results)
    if times:
        median = times[len(times) // 2]
        p95 = times[min(len(times) - 1, int(len(times) * 0.95))]
        lines.append(
            f"Antwortzeit je Suche (ohne Darstellung): Median {median * 1000:.0f} ms, "
            f"95 % unter {p95 * 1000:.0f} ms, langsamste {times[-1] * 1000:.0f} ms"
        )
    return "\n".join(lines)
