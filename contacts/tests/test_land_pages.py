"""A Land URL of the finder is a page of its own: one canonical URL, its own Open Graph data, an h1 and a
breadcrumb that name the Land, its own contacts before the nationwide ones and the choice after them."""

import re

import pytest

pytestmark = pytest.mark.django_db

FINDER = "/hilfe-in-ihrem-bundesland/"


def attr(body: str, pattern: str) -> list[str]:
    return re.findall(pattern, body)


def test_land_url_has_one_canonical_and_its_own_open_graph_data(client, contact_pages):
    body = client.get(f"{FINDER}bayern/?situation=beleidigung").content.decode()
    land_url = "http://localhost/hilfe-in-ihrem-bundesland/bayern/"
    assert attr(body, r'<link rel="canonical" href="([^"]+)"') == [land_url]
    assert attr(body, r'<meta property="og:url" content="([^"]+)"') == [land_url]
    assert attr(body, r'<link rel="alternate" hreflang="de" href="([^"]+)"') == [land_url]
    assert attr(body, r'<meta property="og:title" content="([^"]+)"') == ["Hilfe in Bayern"]
    assert "in Bayern und bundesweit" in attr(body, r'<meta property="og:description" content="([^"]+)"')[0]
    assert "<title>Hilfe in Bayern – Stark im Amt</title>" in body


def test_finder_itself_keeps_its_own_canonical(client, contact_pages):
    body = client.get(FINDER).content.decode()
    assert attr(body, r'<link rel="canonical" href="([^"]+)"') == ["http://localhost/hilfe-in-ihrem-bundesland/"]
    assert attr(body, r'<meta property="og:title" content="([^"]+)"') == ["Anlaufstellen in Ihrem Land"]


def test_h1_and_breadcrumb_name_the_land(client, contact_pages):
    body = client.get(f"{FINDER}bayern/").content.decode()
    assert attr(body, r"<h1>([^<]+)</h1>") == ["Hilfe in Bayern"]
    crumbs = body[body.index('class="breadcrumbs"') : body.index("</nav>", body.index('class="breadcrumbs"'))]
    assert '<a href="/hilfe-in-ihrem-bundesland/">Anlaufstellen in Ihrem Land</a>' in crumbs
    assert '<li aria-current="page">Bayern</li>' in crumbs


def test_land_contacts_come_first_and_the_choice_after_the_results(client, contact_pages):
    body = client.get(f"{FINDER}sachsen/").content.decode()
    own = body.index('id="kontakt-zastex-sachsen"')
    assert own < body.index('id="kontakt-polizei-notruf"') < body.index('id="kontakt-starke-stelle"')
    # Results before the 16 Land links and the filter form, and the bundle link before the first card.
    assert own < body.index('class="finder__laender"') < body.index('class="finder__form"')
    assert body.index("Alle Nummern speichern") < own
    assert body.index('href="/kontakte/bundesland/sachsen.vcf"') < own


def test_finder_without_land_still_starts_with_the_choice(client, contact_pages):
    body = client.get(FINDER).content.decode()
    assert body.index('class="finder__laender"') < body.index('id="kontakt-polizei-notruf"')
    assert "Alle Nummern speichern" not in body
