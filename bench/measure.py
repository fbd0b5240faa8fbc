"""Runs inside Django with the benchmark's settings: which URLs to load, and SQL queries per request.

Prints JSON for bench/run.py. Queries are counted with Django's test client in this process (the
server under load has no debug hooks): uncached with the page cache off, cached on a second request.
"""

import json

import django

django.setup()

from django.db import connection  # noqa: E402
from django.templatetags.static import static  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, override_settings  # noqa: E402

from bench.targets import first_live_page, page_path, targets  # noqa: E402


def count(client, path, cache_on: bool) -> int:
    with override_settings(PAGE_CACHE_ENABLED=cache_on):
        client.get(path)  # the first request fills what every worker keeps (site root paths, renditions)
        with CaptureQueriesContext(connection) as context:
            response = client.get(path)
    assert response.status_code == 200, (path, response.status_code)
    return len(context.captured_queries)


def main():
    client = Client()
    found = targets(client)
    sql = {label: [count(client, path, False), count(client, path, True)] for label, path in found.items()}
    # Lighthouse: the home page, a guidance page, the contact finder and an article (issue 7).
    lighthouse = {label: found[label] for label in ("Startseite", "Ratgeberseite") if label in found}
    finder = page_path(first_live_page("ContactFinderPage"))
    if finder:
        lighthouse["Kontaktfinder"] = finder
    if "Artikel" in found:
        lighthouse["Artikel"] = found["Artikel"]
    print(json.dumps({"targets": found, "static": static("css/main.css"), "sql": sql, "lighthouse": lighthouse}))


if __name__ == "__main__":
    main()
