"""At most 10 SQL queries for every public page, rendered without the page cache, however much content
there is: menus, listings, contact groups and the Lotse plan must not query once per item."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from bench.targets import sitemap_paths, targets

pytestmark = pytest.mark.django_db

BUDGET = 10
MORE = 30  # extra items per listing for the growth test

# Pages of other areas that are over the budget today, by page type (or path for views), with the most
# queries they may take until they are fixed. A ratchet: more fails, and so does an entry no longer needed.
KNOWN_OVER_BUDGET = {
}
# Pages whose query count still grows with the number of items (same ratchet).
KNOWN_GROWING: set[str] = set()


def public_paths(client) -> list[str]:
    """The sitemap plus the pages reached through a form or a route: a Lotse result, a Land, a search."""
    return sorted(set(sitemap_paths(client)) | set(targets(client).values()))


def count_queries(client, paths, labels=None) -> dict[str, list[str]]:
    found = {}
    for path in paths:
        client.get(path)  # once to fill what every process keeps after its first request (site root paths)
        with CaptureQueriesContext(connection) as context:
            response = client.get(path)
        assert response.status_code == 200, (path, response.status_code)
        found[path] = [query["sql"] for query in context.captured_queries]
        if labels is not None:
            page = (response.context or {}).get("page") if response.context is not None else None
            labels[path] = type(page).__name__ if page is not None else path.split("?")[0]
    return found


def test_every_public_page_stays_within_the_query_budget(demo_content, client, settings):
    settings.SEARCH_HITS_FLUSH_SECONDS = 3600  # as in production: search counts are written in batches
    labels = {}
    queries = count_queries(client, public_paths(client), labels)
    assert len(queries) >= 9
    over = {
        path: len(sql)
        for path, sql in queries.items()
        if len(sql) > max(BUDGET, KNOWN_OVER_BUDGET.get(labels[path], 0))
    }
    details = "\n\n".join(f"{path}:\n  " + "\n  ".join(sql[:160] for sql in queries[path]) for path in over)
    assert over == {}, details
    still_over = {labels[path] for path, sql in queries.items() if len(sql) > BUDGET}
    assert set(KNOWN_OVER_BUDGET) <= still_over, "Within budget now, remove from KNOWN_OVER_BUDGET"


def add_items():
    """MORE copies of the first child below one page of each type that has children; MORE contacts."""
    parents = {}  # one parent per page type is enough: pages of one type list their children alike
    for page in Page.objects.live().filter(depth__gt=2).select_related("content_type").order_by("path"):
        parent = page.get_parent()
        parents.setdefault(parent.content_type_id, parent)
    for parent in parents.values():
        child = parent.get_children().live().first().specific
        for number in range(MORE):
            child.copy(
                recursive=False,
                keep_live=True,
                copy_revisions=False,
                log_action=None,
                update_attrs={"slug": f"{child.slug}-{number}", "title": f"{child.title} {number}"},
            )
    from contacts.models import Contact

    contact = Contact.objects.filter(live=True).first()
    if contact is not None:
        situations, laender = list(contact.situations.all()), list(contact.bundeslaender.all())
        for number in range(MORE):
            contact.pk = None
            contact.key = f"{contact.key[:40]}-{number}"
            contact.save()
            contact.situations.set(situations)
            contact.bundeslaender.set(laender)


def test_query_count_does_not_grow_with_more_items(demo_content, client):
    paths = public_paths(client)
    labels = {}
    before = {path: len(sql) for path, sql in count_queries(client, paths, labels).items()}
    pages_before = Page.objects.count()
    add_items()
    assert Page.objects.count() > pages_before + MORE
    after = {path: len(sql) for path, sql in count_queries(client, paths).items()}
    grown = {path: (before[path], after[path]) for path in paths if after[path] > before[path]}
    assert {path: counts for path, counts in grown.items() if labels[path] not in KNOWN_GROWING} == {}
    assert {labels[path] for path in grown} >= KNOWN_GROWING, "Does not grow any more: remove from KNOWN_GROWING"


# The first render after a content change: every value kept per generation (site, restricted sections,
# menu, emergency box, partners, footer settings) is built again. Issue 20 asks for at most 10; these page
# types are over it today, with the most they may take (a ratchet, as above; SQLite/locmem read the
# generation from the database, one query more than with Redis).
FIRST_RENDER_BUDGET = 10
FIRST_RENDER_OVER_BUDGET = {
    "/suche/": 20,
    "ArticlePage": 15,
    "CaseExamplePage": 12,
    "ContactFinderPage": 14,
    "EventPage": 13,
    "FormPage": 11,
    "GuidanceIndexPage": 12,
    "GuidancePage": 12,
    "HomePage": 11,
    "LotsePage": 16,
    "MagazineIndexPage": 13,
    "MagazineSectionPage": 12,
    "NewsIndexPage": 12,
    "NewsPage": 14,
    "NewsSectionPage": 14,
    "StarkeStellePage": 12,
    "SupporterIndexPage": 11,
}


def test_first_render_after_a_change_stays_within_its_budget(demo_content, client, settings):
    from core.cache.generation import bump_generation

    settings.SEARCH_HITS_FLUSH_SECONDS = 3600
    found, labels = {}, {}
    for path in public_paths(client):
        client.get(path)
        bump_generation()
        with CaptureQueriesContext(connection) as context:
            response = client.get(path)
        assert response.status_code == 200, (path, response.status_code)
        page = (response.context or {}).get("page") if response.context is not None else None
        label = type(page).__name__ if page is not None else path.split("?")[0]
        labels[path] = label
        found[label] = max(found.get(label, 0), len(context.captured_queries))
    over = {
        label: count
        for label, count in found.items()
        if count > max(FIRST_RENDER_BUDGET, FIRST_RENDER_OVER_BUDGET.get(label, 0))
    }
    assert over == {}
    still_over = {label for label, count in found.items() if count > FIRST_RENDER_BUDGET}
    assert set(FIRST_RENDER_OVER_BUDGET) <= still_over, "Within budget now: remove from FIRST_RENDER_OVER_BUDGET"
