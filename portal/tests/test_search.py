"""Search at /suche/: pages and published contacts, grouped by type, German stemming on PostgreSQL,
editor promotions, popular queries, and no input that can make it fail."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import PageViewRestriction

from contacts.models import Contact, ContactKind, ContactPhone
from demo.base import load_home
from demo.utils import heading, paragraph, upsert_page
from portal.models import StandardPage
from portal.search import MAX_QUERY_LENGTH, clean_query, make_snippet

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages(db):
    home = load_home()
    threat = upsert_page(
        home,
        StandardPage,
        "bedrohung",
        title="Wenn Sie bedroht werden",
        teaser="Was Sie nach einer Drohung tun können.",
        body=[
            heading("Anzeige erstatten"),
            paragraph(
                "<p>Eine Bedrohung ist eine Straftat. Erstatten Sie eine Anzeige bei der Polizei, online oder "
                "auf jeder Wache.</p>"
            ),
        ],
    )
    other = upsert_page(
        home,
        StandardPage,
        "datenschutz",
        title="Datenschutzerklärung",
        body=[paragraph("<p>Server-Protokolle und Formulare.</p>")],
    )
    return home, threat, other


@pytest.fixture
def contacts(db):
    published = Contact.objects.create(
        key="starke-stelle-test",
        name="Starke Stelle",
        kind=ContactKind.VICTIM_SUPPORT,
        description="Bundesweite Anlaufstelle bei Bedrohung und Hass gegen Amtsträger.",
        nationwide=True,
        website="https://example.org/starke-stelle",
    )
    ContactPhone.objects.create(contact=published, number="0800 300 99 44", hours="Mo–Fr 9–16 Uhr")
    published.save()  # index again with its phone
    draft = Contact.objects.create(
        key="entwurf-test",
        name="Entwurf einer Stelle",
        kind=ContactKind.OTHER,
        description="Noch nicht geprüft: Bedrohung.",
        website="https://example.org/entwurf",
        live=False,
    )
    return published, draft


def test_search_finds_a_page_and_shows_a_marked_snippet_with_its_type(pages, client):
    _, threat, _ = pages
    response = client.get("/suche/", {"q": "Bedrohung"})
    html = response.content.decode()
    assert response.status_code == 200
    assert f'href="{threat.url}"' in html
    assert '<span class="search-result__type">Seite</span>' in html  # the type, as a label on the result
    assert "<mark>Bedrohung</mark> ist eine Straftat" in html
    assert "Datenschutzerklärung</a>" not in html


def test_published_contacts_appear_with_phone_and_drafts_do_not(pages, contacts, client):
    response = client.get("/suche/", {"q": "Bedrohung"})
    html = response.content.decode()
    assert '<span class="search-result__type">Anlaufstelle</span>' in html
    assert "Starke Stelle" in html
    assert 'href="tel:08003009944"' in html
    assert 'href="/kontakte/starke-stelle-test.vcf"' in html
    assert "Entwurf einer Stelle" not in html


def test_unpublished_and_private_pages_are_not_found(pages, client):
    home, threat, _ = pages
    private = upsert_page(
        home, StandardPage, "intern", title="Interne Bedrohungslage", body=[paragraph("<p>Bedrohung</p>")]
    )
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    threat.unpublish()
    html = client.get("/suche/", {"q": "Bedrohung"}).content.decode()
    assert "Wenn Sie bedroht werden" not in html
    assert "Interne Bedrohungslage" not in html


@pytest.mark.postgres
@pytest.mark.parametrize(
    ("query", "expected"),
    [("Bedrohungen", "Wenn Sie bedroht werden"), ("Anzeigen", "Wenn Sie bedroht werden")],
)
def test_german_stemming_on_postgres_finds_other_word_forms(pages, client, query, expected):
    # The page says "Bedrohung" and "Anzeige"; the German dictionary reduces both forms to one stem.
    html = client.get("/suche/", {"q": query}).content.decode()
    assert expected in html


def test_editor_promotion_comes_first_and_popular_queries_are_counted(pages, client):
    _, _, privacy = pages
    query = Query.get("hilfe")
    SearchPromotion.objects.create(query=query, page=privacy, description="Von der Redaktion empfohlen.", sort_order=0)
    html = client.get("/suche/", {"q": "Hilfe"}).content.decode()
    assert "Empfehlung der Redaktion" in html
    assert "Von der Redaktion empfohlen." in html
    assert f'href="{privacy.url}"' in html
    assert Query.get("hilfe").hits == 1
    client.get("/suche/", {"q": "Hilfe", "seite": "2"})
    assert Query.get("hilfe").hits == 1  # turning pages is not a new search


def test_many_results_are_paginated(pages, client):
    home = pages[0]
    for number in range(25):
        upsert_page(
            home, StandardPage, f"seite-{number}", title=f"Bedrohung Nummer {number}", body=[paragraph("<p>x</p>")]
        )
    first = client.get("/suche/", {"q": "Bedrohung"}).content.decode()
    assert "Seite 1 von 2" in first
    assert 'rel="next"' in first
    last = client.get("/suche/", {"q": "Bedrohung", "seite": "999999"})
    assert last.status_code == 200
    assert "Seite 2 von 2" in last.content.decode()


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"q": ""},
        {"q": "   "},
        {"q": "x" * 100_000},
        {"q": "Bedrohung\x00"},
        {"q": "\x00\x01\x02"},
        {"q": "' OR 1=1 --"},
        {"q": 'NEAR("a" "b") AND * :* & | ! <->'},
        {"q": "𝔅𝔢𝔡𝔯𝔬𝔥𝔲𝔫𝔤 \u202e\u200b ﷽ 🙂"},
        {"q": "Bedrohung", "seite": "9" * 5000},
        {"q": "Bedrohung", "seite": "-1"},
        {"q": "Bedrohung", "seite": "abc"},
        {"q": ["a", "b"]},
    ],
)
def test_bad_queries_give_a_proper_page(pages, client, params):
    response = client.get("/suche/", params)
    assert response.status_code == 200
    assert "<h1>Suche</h1>" in response.content.decode()


def test_invalid_utf8_in_the_query_string_gives_a_proper_page(pages, client):
    response = client.get("/suche/?q=%FF%FE%00Bedrohung&seite=%C0")
    assert response.status_code == 200


def test_a_very_long_query_is_cut_and_the_visitor_is_told(pages, client):
    html = client.get("/suche/", {"q": "Bedrohung " * 10_000}).content.decode()
    assert "sehr lang" in html
    assert len(clean_query("Bedrohung " * 10_000)) <= MAX_QUERY_LENGTH


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    query=st.text(alphabet=st.characters(exclude_categories=["Cs"]), max_size=400),
    page=st.one_of(st.none(), st.text(max_size=30), st.integers(min_value=-(10**30), max_value=10**30).map(str)),
)
def test_no_query_ever_causes_a_server_error(pages, client, query, page):
    params = {"q": query}
    if page is not None:
        params["seite"] = page
    response = client.get("/suche/", params)
    assert response.status_code in (200, 400)


@given(st.text(max_size=2000))
@settings(max_examples=50, deadline=None)
def test_cleaned_query_is_short_plain_words(raw):
    cleaned = clean_query(raw)
    assert len(cleaned) <= MAX_QUERY_LENGTH
    assert all(ch.isalnum() or ch == " " for ch in cleaned)
    assert "\x00" not in cleaned


def test_snippet_escapes_html_and_marks_word_forms():
    snippet = make_snippet("Vorsicht <script>alert(1)</script>: Bedrohungen sind strafbar.", "Bedrohung")
    assert "<script>" not in snippet
    assert "&lt;script&gt;" in snippet
    assert "<mark>Bedrohungen</mark>" in snippet


def test_query_count_does_not_grow_with_the_number_of_hits(pages, contacts, client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def count():
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/suche/", {"q": "Bedrohung", "seite": "2"}).status_code == 200
        return len(captured)

    count()  # warm up: content types and site settings are fetched once per process; creating the
    count()  # settings is a content change, so warm the per-generation data once more
    few = count()
    home = pages[0]
    for number in range(15):
        upsert_page(
            home,
            StandardPage,
            f"mehr-{number}",
            title=f"Bedrohung {number}",
            body=[paragraph("<p>Eine Bedrohung ist strafbar.</p>")],
        )
    count()  # the first search after a content change builds the per-generation data again
    after = count()
    assert after == few
