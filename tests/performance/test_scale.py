"""Ten times the demo content (issue 20): no public page type and no admin list needs more queries then.

`generate_load_content --scale 10` adds nine copies of every article, news item, event, guidance page, case
example and contact (spread over all Länder), with pictures, revisions, form submissions and search terms.
Listings paginate, chooser lists are bounded and relations are fetched per list, not per item: the counts
measured at twice the demo content must hold at ten times as much. (`make bench-scale` prints times and
memory for 1, 10 and 100; this guards the query counts on every change.)
"""

import io
import math

import pytest
from django.core.management import call_command

from tests.performance.test_query_budget import count_queries, public_paths

pytestmark = pytest.mark.django_db

SCALE = 10
BASELINE = 2


def admin_lists() -> list[str]:
    """The lists staff live in: contacts (all, filtered by Land), "Zu prüfen", the biggest magazine section."""
    from contacts.models import Bundesland
    from magazine.models import MagazineSectionPage

    land = Bundesland.objects.get(slug="bayern")
    section = max(MagazineSectionPage.objects.all(), key=lambda page: page.get_children_count())
    return [
        "/admin/snippets/contacts/contact/",
        f"/admin/snippets/contacts/contact/?bundesland={land.pk}",
        "/admin/snippets/contacts/contact/zu-pruefen/",
        f"/admin/pages/{section.pk}/",
    ]


def last_magazine_page(client) -> str:
    from bench.targets import first_live_page, page_path
    from magazine.models import ArticlePage
    from magazine.models.sections import PAGE_SIZE

    magazine = page_path(first_live_page("MagazineIndexPage"))
    last = max(1, math.ceil(ArticlePage.objects.live().public().count() / PAGE_SIZE))
    return f"{magazine}?seite={last}"


def test_query_counts_do_not_grow_at_ten_times_the_content(demo_content, client, django_user_model, settings):
    from magazine.models import ArticlePage

    settings.SEARCH_HITS_FLUSH_SECONDS = 3600  # as in production: search counts are written in batches
    admin = django_user_model.objects.create_superuser("skala-admin", "", None)
    staff = type(client)()
    staff.force_login(admin)

    # The baseline is scale 2, not the bare demo: there some lists hold no picture at all and some articles
    # no related article, so a query for them is missing at scale 1 rather than growing after it. From 2 on
    # every kind of content is there, and only the amount changes.
    call_command("generate_load_content", scale=BASELINE, bench=True, stdout=io.StringIO())
    paths, lists = public_paths(client), admin_lists()
    before = {path: len(sql) for path, sql in count_queries(client, paths).items()}
    before[last := "magazin-letzte-seite"] = len(count_queries(client, [last_magazine_page(client)]).popitem()[1])
    before.update({path: len(sql) for path, sql in count_queries(staff, lists).items()})
    articles = ArticlePage.objects.count()

    call_command("generate_load_content", scale=SCALE, bench=True, stdout=io.StringIO())
    assert ArticlePage.objects.count() >= SCALE / BASELINE * articles  # the content really grew fivefold

    after = {path: len(sql) for path, sql in count_queries(client, paths).items()}
    after[last] = len(count_queries(client, [last_magazine_page(client)]).popitem()[1])
    after.update({path: len(sql) for path, sql in count_queries(staff, lists).items()})
    grown = {path: (before[path], after[path]) for path in before if after[path] > before[path]}
    assert grown == {}
