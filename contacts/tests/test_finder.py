"""The contact finder: every Land has a clean URL and shows its own contacts plus all nationwide ones."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from contacts.bundeslaender import BUNDESLAENDER
from contacts.models import Contact

pytestmark = pytest.mark.django_db

FINDER = "/hilfe-in-ihrem-bundesland/"
LAND_SLUGS = [slug for _key, _iso, _name, slug in BUNDESLAENDER]


def card_keys(response) -> set[str]:
    return set(re.findall(r'id="kontakt-([a-z0-9-]+)"', response.content.decode()))


@pytest.mark.parametrize("slug", LAND_SLUGS)
def test_each_land_has_a_clean_url_with_its_own_and_all_nationwide_contacts(client, contact_pages, slug):
    response = client.get(f"{FINDER}{slug}/")
    assert response.status_code == 200
    shown = card_keys(response)
    nationwide = set(Contact.objects.filter(live=True, nationwide=True).values_list("key", flat=True))
    regional = set(Contact.objects.filter(live=True, bundeslaender__slug=slug).values_list("key", flat=True))
    others = set(Contact.objects.filter(live=True, nationwide=False).values_list("key", flat=True)) - regional
    assert nationwide <= shown
    assert regional <= shown
    assert not (others & shown), "contacts of other Länder must not appear"
    assert "starke-stelle" in shown and "polizei-notruf" in shown


def test_unknown_land_is_404(client, contact_pages):
    assert client.get(f"{FINDER}atlantis/").status_code == 404


def test_land_without_own_contact_says_so(client, contact_pages):
    body = client.get(f"{FINDER}bremen/").content.decode()
    assert "Für Bremen ist uns keine spezielle Anlaufstelle bekannt – diese Stellen helfen bundesweit" in body


def test_regional_contacts_are_shown_with_their_number_as_tel_link(client, contact_pages):
    body = client.get(f"{FINDER}baden-wuerttemberg/").content.decode()
    assert 'href="tel:071154013003"' in body
    assert "0711 5401-3003" in body
    assert "keine spezielle Anlaufstelle" not in body


def test_land_contacts_first_then_nationwide_grouped_by_kind(client, contact_pages):
    body = client.get(f"{FINDER}nordrhein-westfalen/").content.decode()
    land_section = body.index('id="land-titel"')
    nationwide = body.index('class="finder__nationwide"')
    # Both NRW contacts (police and justice) come before every nationwide one.
    assert land_section < body.index('id="kontakt-ansprechstelle-nrw"') < nationwide
    assert land_section < body.index('id="kontakt-zac-nrw"') < nationwide
    assert body.index('id="kontakt-polizei-notruf"') > nationwide
    headings = re.findall(r'<h4 id="art-([a-z]+)">', body[nationwide:])
    assert headings[0] == "polizei"
    assert headings.index("meldestelle") < headings.index("opferberatung") < headings.index("psychosozial")
    assert len(headings) == len(set(headings))


def test_a_coverage_note_replaces_bundesweit_where_that_would_claim_too_much(client, contact_pages):
    # VBRG counsels in 14 Länder (facts): found from every Land, but its card must not say "Bundesweit".
    body = client.get(f"{FINDER}bremen/").content.decode()
    card = body[body.index('id="kontakt-vbrg"') :]
    card = card[: card.index("</article>")]
    assert "Beratungsstellen in 14 Ländern · Opferberatung" in card
    assert "Bundesweit" not in card
    starke = body[body.index('id="kontakt-starke-stelle"') :]
    assert "Bundesweit · " in starke[: starke.index("</article>")]


def test_a_card_shows_stand_only_when_staff_verified_it(client, contact_pages):
    Contact.objects.filter(key="weisser-ring").update(verified_on="2026-03-05", verified_by="Team")
    # An emergency number needs no check date: even with one it shows no "Stand".
    Contact.objects.filter(key="polizei-notruf").update(verified_on="2025-01-05", verified_by="Team")
    body = client.get(f"{FINDER}bayern/").content.decode()
    assert body.count("Stand: ") == 1
    assert 'Stand: <time datetime="2026-03">März 2026</time>' in body
    assert "Januar 2025" not in body
    assert "Noch nicht geprüft" not in body and "geprüft" not in body


def test_email_is_a_plain_mailto_link_without_javascript(client, contact_pages):
    # docs/content.md: one approach on every page, usable with a screen reader and without JavaScript.
    body = client.get(f"{FINDER}bayern/").content.decode()
    assert '<a href="mailto:info@starkestelle.de">info@starkestelle.de</a>' in body
    assert "(at)" not in body and "email.js" not in body
    assert "<script>" not in body and "style=" not in body


def test_form_submission_redirects_to_the_shareable_land_url(client, contact_pages):
    response = client.get(FINDER, {"land": "hessen", "kind": "meldestelle", "situation": ""})
    assert response.status_code == 302
    assert response["Location"] == f"{FINDER}hessen/?kind=meldestelle"


def test_kind_and_situation_filters_narrow_down(client, contact_pages):
    shown = card_keys(client.get(f"{FINDER}hessen/", {"kind": "meldestelle"}))
    assert shown == {"hessen-gegen-hetze", "respect"}
    shown = card_keys(client.get(f"{FINDER}sachsen/", {"situation": "hatestorm"}))
    assert "hateaid" in shown and "respect" in shown
    assert "polizei-notruf" not in shown  # not tagged with hatestorm


def test_filter_with_no_result_has_an_empty_state(client, contact_pages):
    response = client.get(f"{FINDER}bremen/", {"kind": "verband"})
    assert response.status_code == 200
    assert "Zu Ihrer Auswahl haben wir keine Stelle gefunden" in response.content.decode()


@pytest.mark.parametrize(
    "params",
    [{"kind": "zzz"}, {"situation": "<script>"}, {"land": "atlantis"}, {"kind": ["a", "b"]}],
)
def test_bad_parameters_give_a_german_message_and_400(client, contact_pages, params):
    response = client.get(FINDER, params)
    assert response.status_code == 400
    body = response.content.decode()
    assert "kennen wir nicht" in body
    assert "<script>" not in body.split('id="inhalt"')[1]


def test_bad_filter_on_a_land_url_still_shows_the_land(client, contact_pages):
    response = client.get(f"{FINDER}bayern/", {"situation": "unbekannt"})
    assert response.status_code == 400
    assert "bayern-gegen-hass" in card_keys(response)


def test_index_without_land_shows_nationwide_contacts_and_all_16_links(client, contact_pages):
    response = client.get(FINDER)
    body = response.content.decode()
    for slug in LAND_SLUGS:
        assert f'href="{FINDER}{slug}/"' in body
    shown = card_keys(response)
    assert "respect" in shown and "zamat-bw" not in shown
    assert 'href="/kontakt-vorschlagen/"' in body


def test_drafts_are_never_shown(client, contact_pages, make_contact):
    make_contact("entwurf-bayern", laender=["bayern"], live=False)
    assert "entwurf-bayern" not in card_keys(client.get(f"{FINDER}bayern/"))


def test_a_contact_for_several_laender_appears_once(client, contact_pages, make_contact):
    make_contact("zwei-laender", laender=["bayern", "hessen"])
    body = client.get(f"{FINDER}bayern/").content.decode()
    assert body.count('id="kontakt-zwei-laender"') == 1


def test_number_of_queries_does_not_grow_with_contacts(client, contact_pages, make_contact):
    client.get(f"{FINDER}bayern/")  # warm up: site root, settings
    with CaptureQueriesContext(connection) as before:
        client.get(f"{FINDER}bayern/")
    for i in range(8):
        make_contact(f"mehr-{i}", laender=["bayern"], phones=["110", "116 123"])
    client.get(f"{FINDER}bayern/")  # warm up again: the new contacts are a content change
    with CaptureQueriesContext(connection) as after:
        response = client.get(f"{FINDER}bayern/")
    assert len(card_keys(response)) >= 8
    assert len(after) == len(before)


def test_sitemap_lists_every_land_url(contact_pages, rf):
    finder, _ = contact_pages
    urls = [entry["location"] for entry in finder.get_sitemap_urls(rf.get("/"))]
    for slug in LAND_SLUGS:
        assert any(url.endswith(f"{FINDER}{slug}/") for url in urls)


def test_starke_stelle_page_shows_the_published_contact_record(client, contact_pages):
    body = client.get("/starke-stelle/").content.decode()
    assert "0800 300 99 44" in body and 'href="tel:08003009944"' in body
    assert '<a href="mailto:info@starkestelle.de">info@starkestelle.de</a>' in body
    assert "Mo–Fr 9–16 Uhr" in body
    assert "Deutsche Forum für Kriminalprävention" in body
