"""Search that understands how officials ask: synonyms, any-word fallback, typos, compounds, Länder and kinds
of contact, one ranked list with type labels and filters, clean snippets, and never a dead end."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from contacts.models import Bundesland, Contact, ContactFinderPage, ContactKind
from demo.base import load_home
from demo.utils import heading, paragraph, upsert_page
from portal.models import GuidanceIndexPage, GuidancePage, LotsePage, SearchSynonym, StandardPage
from portal.search import make_snippet
from portal.search_engine import Candidate, Group, compound_parts, rank

pytestmark = pytest.mark.django_db


def titles(html: str) -> list[str]:
    """The result titles in the order shown."""
    return re.findall(r'class="search-result__title"[^>]*>([^<]+)<', html)


@pytest.fixture
def site_pages(db):
    home = load_home()
    guidance = upsert_page(home, GuidanceIndexPage, "rat-und-tat", title="Rat und Tat", intro="Hilfe.")
    storm = upsert_page(
        guidance,
        GuidancePage,
        applies_when="Wenn Sie angegriffen werden.",
        slug="hatestorm",
        title="Hatestorm und Doxing",
        teaser="Wenn viele auf einmal angreifen.",
        body=[paragraph("<p>Bei einem Hatestorm machen Sie Ihre Profile privat und sichern Beweise.</p>")],
    )
    threat = upsert_page(
        guidance,
        GuidancePage,
        applies_when="Wenn Sie angegriffen werden.",
        slug="bedrohung",
        title="Nach einer Drohung",
        teaser="Was Sie tun, wenn man Ihnen droht.",
        body=[
            heading("Angebote"),
            paragraph(
                "<ul><li>Beratung am Telefon</li><li>Übernahme der Kosten</li></ul>"
                "<p>Eine Drohung ist eine Straftat. Erstatten Sie Anzeige.</p>"
            ),
        ],
    )
    block = upsert_page(
        guidance,
        GuidancePage,
        applies_when="Wenn Sie angegriffen werden.",
        slug="auskunftssperre",
        title="Auskunftssperre im Melderegister",
        body=[paragraph("<p>Mit einer Auskunftssperre gibt das Melderegister Ihre Adresse nicht heraus.</p>")],
    )
    lotse = upsert_page(home, LotsePage, "hilfe-finden", title="Hilfe finden", intro="Wir helfen.")
    return home, storm, threat, block, lotse


def test_a_synonym_finds_what_the_portal_calls_it(site_pages, client):
    SearchSynonym.objects.create(terms="Shitstorm, Hetzkampagne", replacement="Hatestorm")
    html = client.get("/suche/", {"q": "shitstorm"}).content.decode()
    assert titles(html)[0] == "Hatestorm und Doxing"
    assert "<mark>Hatestorm</mark>" in html
    # A new synonym works at once: the list is kept per content change, not until a restart.
    SearchSynonym.objects.create(terms="Adresse geheim", replacement="Auskunftssperre")
    assert titles(client.get("/suche/", {"q": "Adresse geheim"}).content.decode())[0].startswith("Auskunftssperre")


def test_when_no_page_has_every_word_pages_with_some_of_them_follow(site_pages, client):
    html = client.get("/suche/", {"q": "Hatestorm Auskunftssperre Xylophon"}).content.decode()
    assert set(titles(html)[:2]) == {"Hatestorm und Doxing", "Auskunftssperre im Melderegister"}
    assert "Ergebnisse für ähnliche Begriffe" in html
    # With every word on one page, only that page and no notice.
    html = client.get("/suche/", {"q": "Hatestorm Profile"}).content.decode()
    assert titles(html) == ["Hatestorm und Doxing"]
    assert "ähnliche Begriffe" not in html


def test_a_typo_is_forgiven_and_the_right_word_offered(site_pages, client):
    html = client.get("/suche/", {"q": "Auskunftsperre"}).content.decode()
    assert titles(html)[0] == "Auskunftssperre im Melderegister"
    assert "Meinten Sie" in html and "?q=auskunftssperre" in html.lower()
    assert "Ergebnisse für ähnliche Begriffe" in html


def test_a_compound_is_found_by_its_parts(site_pages, client):
    html = client.get("/suche/", {"q": "Morddrohung"}).content.decode()
    assert titles(html)[0] == "Nach einer Drohung"
    assert "Keine Treffer" not in html


def test_compound_parts_use_the_portals_words():
    vocab = {"drohung": "drohung", "beweise": "beweise", "brief": "brief", "anzeige": "anzeige"}
    assert compound_parts("Morddrohung", vocab) == ["drohung"]
    assert compound_parts("Beweissicherung", vocab) == ["beweise"]
    assert compound_parts("Drohbrief", vocab) == ["brief"]
    assert compound_parts("Rat", vocab) == []


@pytest.fixture
def saxony(site_pages):
    home = site_pages[0]
    finder = upsert_page(home, ContactFinderPage, "hilfe-in-ihrem-bundesland", title="Hilfe in Ihrem Bundesland")
    land = Bundesland.objects.get(slug="sachsen")
    police = Contact.objects.create(
        key="zastex", name="ZASTEX beim Landeskriminalamt", kind=ContactKind.POLICE, website="https://example.org/z"
    )
    police.bundeslaender.add(land)
    police.save()
    advice = Contact.objects.create(
        key="beratung-sn",
        name="Opferberatung Beispiel",
        kind=ContactKind.VICTIM_SUPPORT,
        website="https://example.org/b",
    )
    advice.bundeslaender.add(land)
    advice.save()
    return finder, police, advice


def test_a_land_and_a_kind_find_the_lands_page_and_its_contact_of_that_kind(saxony, client):
    html = client.get("/suche/", {"q": "Sachsen Polizei"}).content.decode()
    shown = titles(html)
    assert shown[:2] == ["Hilfe in Sachsen", "ZASTEX beim Landeskriminalamt"]
    assert 'href="/hilfe-in-ihrem-bundesland/sachsen/"' in html
    assert shown.index("Opferberatung Beispiel") > 1  # the Land's other contacts come later
    # "Sachsen-Anhalt" is another Land, not Sachsen.
    assert "Hilfe in Sachsen-Anhalt" in titles(client.get("/suche/", {"q": "Sachsen-Anhalt"}).content.decode())


def test_each_result_has_its_type_and_the_types_filter_by_links(saxony, client):
    html = client.get("/suche/", {"q": "Sachsen Polizei"}).content.decode()
    assert '<span class="search-result__type">Bundesland</span>' in html
    assert '<span class="search-result__type">Anlaufstelle</span>' in html
    assert 'href="?q=Sachsen%20Polizei&amp;typ=hilfe"' in html or "Nach Art filtern" not in html
    html = client.get("/suche/", {"q": "Hatestorm Drohung", "typ": "rat"}).content.decode()
    assert titles(html) and all(title in ("Hatestorm und Doxing", "Nach einer Drohung") for title in titles(html))


def test_guidance_comes_before_the_magazine_when_the_match_is_as_good():
    groups = [Group("Drohung", ["Drohung"])]
    article = Candidate("page", None, "magazin", "Nach einer Drohung", text="drohung", groups={0})
    guidance = Candidate("page", None, "rat", "Nach einer Drohung", text="drohung", groups={0})
    rank([article, guidance], groups)
    assert guidance.score > article.score


def test_snippets_keep_list_items_apart_and_escape_everything():
    snippet = make_snippet(["Beratung am Telefon", "Übernahme der Kosten", "<b>Drohung</b> & mehr."], "Telefon")
    assert "<mark>Telefon</mark> · Übernahme der Kosten · " in snippet
    assert "<b>" not in snippet and "&lt;b&gt;" in snippet


def test_a_snippet_from_a_page_shows_its_list_items_separately(site_pages, client):
    html = client.get("/suche/", {"q": "Telefon"}).content.decode()
    assert "<mark>Telefon</mark> · Übernahme der Kosten" in html
    assert "Telefon Übernahme" not in html


def test_no_results_is_never_a_dead_end(site_pages, client):
    upsert_page(site_pages[0], StandardPage, "feedback", title="Feedback")  # a form page in the demo; any page here
    html = client.get("/suche/", {"q": "Qwxyzv"}).content.decode()
    assert "Keine Treffer" in html
    assert 'href="/hilfe-finden/"' in html  # the Lotse
    assert "emergency-box" in html  # the emergency numbers from the site settings
    assert 'href="/rat-und-tat/hatestorm/"' in html  # most-used guidance
    assert "Sagen Sie uns, wonach Sie gesucht haben" in html or "Zur Startseite" in html


def test_a_search_without_results_is_counted_for_the_editors(site_pages, client):
    from portal.models import UnansweredSearch

    client.get("/suche/", {"q": "Qwxyzv"})
    client.get("/suche/", {"q": "qwxyzv"})
    client.get("/suche/", {"q": "Hatestorm"})
    assert UnansweredSearch.objects.get(query_string="qwxyzv").hits == 2
    assert not UnansweredSearch.objects.filter(query_string="hatestorm").exists()


def test_unpublished_words_are_never_suggested(site_pages, client):
    from wagtail.models import PageViewRestriction

    private = upsert_page(site_pages[0], StandardPage, "intern", title="Lagebericht", body=[paragraph("<p>x y</p>")])
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    html = client.get("/suche/", {"q": "Lageberict"}).content.decode()
    assert "Lagebericht" not in html


WORDS = ["Hatestorm", "Drohung", "Auskunftsperre", "Morddrohung", "Sachsen", "Polizei", "xq", "ÄÖÜß", "a" * 60]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.one_of(st.sampled_from(WORDS), st.text(min_size=1, max_size=30)), min_size=1, max_size=40))
def test_many_words_and_typos_stay_safe_and_bounded(site_pages, client, words):
    # Every fallback runs at most once per word and only ten words are used: the number of queries stays bounded.
    with CaptureQueriesContext(connection) as captured:
        response = client.get("/suche/", {"q": " ".join(words)})
    assert response.status_code == 200
    assert len(captured) <= 120


def test_a_search_without_results_is_counted_when_the_page_cache_answers(site_pages, client, settings):
    from django.core.cache import cache

    from core.cache.pagecache import local_pages as _local_pages
    from portal.models import UnansweredSearch
    from portal.search_hits import search_hits

    client.get("/")  # creates the site settings the demo would have (creating them is a content change)
    settings.PAGE_CACHE_ENABLED = True
    settings.SEARCH_HITS_FLUSH_SECONDS = 3600  # as in production: counts are written in batches
    cache.clear()
    _local_pages.clear()
    try:
        for query in ("Qwxyzv", "Hatestorm"):
            assert client.get("/suche/", {"q": query})["X-Cache"] == "miss"
            assert client.get("/suche/", {"q": query})["X-Cache"] == "hit"
        search_hits.flush()
        # Writing the counts changes nothing a visitor sees: the cached search stays cached.
        assert client.get("/suche/", {"q": "Qwxyzv"})["X-Cache"] == "hit"
    finally:
        _local_pages.clear()
    search_hits.flush()
    assert UnansweredSearch.objects.get(query_string="qwxyzv").hits == 3
    assert not UnansweredSearch.objects.filter(query_string="hatestorm").exists()
