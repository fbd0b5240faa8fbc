"""Subscriptions: the magazine's Atom feed and the iCalendar files of events."""

from datetime import UTC, timedelta

import feedparser
import pytest

from magazine.tests.utils import add_article, add_event, magazine_section, news_section

pytestmark = pytest.mark.django_db


def test_atom_feed_is_valid_and_lists_live_articles_newest_first(tree, client):
    _, magazine, _ = tree
    section = magazine_section(magazine)
    add_article(section, "alt", days_ago=5, title="Älterer Beitrag", tags=["Solidarität"])
    add_article(section, "neu", days_ago=1, title="Neuer Beitrag", kind="standpunkt")
    add_article(section, "entwurf", title="Entwurf", live=False)

    response = client.get("/magazin/feed/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    assert feed.feed.title == "Magazin – Stark im Amt"
    assert [entry.title for entry in feed.entries] == ["Standpunkt: Neuer Beitrag", "Interview: Älterer Beitrag"]
    entry = feed.entries[1]
    assert entry.link == "http://testserver/magazin/deutscher-staedtetag/alt/"
    assert entry.summary == "Kurzbeschreibung alt"
    assert {tag.term for tag in entry.tags} == {"Interview", "Solidarität"}


def test_magazine_page_announces_its_feed(tree, client):
    html = client.get("/magazin/").content.decode()
    assert '<link rel="alternate" type="application/atom+xml"' in html
    assert 'href="/magazin/feed/"' in html


def parse_ics(body: bytes) -> list[dict]:
    """Unfold lines (RFC 5545, 3.1) and return the properties of each VEVENT."""
    text = body.decode("utf-8")
    assert "\r\n" in text and "\n" not in text.replace("\r\n", "")  # every line ends with CRLF
    lines = text.replace("\r\n ", "").split("\r\n")
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-2] == "END:VCALENDAR" and lines[-1] == ""
    assert "VERSION:2.0" in lines and any(line.startswith("PRODID:") for line in lines)
    events, current = [], None
    for line in lines:
        if line == "BEGIN:VEVENT":
            current = {}
        elif line == "END:VEVENT":
            events.append(current)
            current = None
        elif current is not None:
            name, _, value = line.partition(":")
            current[name] = value
    for raw in body.split(b"\r\n"):
        assert len(raw) <= 75  # folded at 75 octets
    return events


def test_event_ics_is_valid_rfc5545(tree, client):
    _, _, news = tree
    event = add_event(
        news_section(news), "sprechstunde", title="Sprechstunde; Beweise, sichern – ein langer Titel " * 2
    )
    response = client.get(event.url + "kalender/")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert 'filename="sprechstunde.ics"' in response["Content-Disposition"]
    [vevent] = parse_ics(response.content)
    assert vevent["DTSTART"] == event.start.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    assert vevent["DTEND"] == event.end.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    assert vevent["UID"] == f"termin-{event.pk}@testserver"
    assert vevent["SUMMARY"].startswith("Sprechstunde\\; Beweise\\, sichern – ein langer Titel")
    assert vevent["LOCATION"] == "Rathaus\\, Sitzungssaal"
    assert "DTSTAMP" in vevent


def test_calendar_feed_has_upcoming_events_only(tree, client):
    _, _, news = tree
    section = news_section(news)
    add_event(section, "bald", starts_in=timedelta(days=3), title="Bald")
    add_event(section, "spaeter", starts_in=timedelta(days=30), title="Später")
    add_event(section, "vorbei", starts_in=timedelta(days=-3), title="Vorbei")
    response = client.get("/aktuelles/termine/kalender/")
    events = parse_ics(response.content)
    assert [event["SUMMARY"] for event in events] == ["Bald", "Später"]
    assert len({event["UID"] for event in events}) == 2


def test_news_index_shows_upcoming_events_first_and_archives_past_ones(tree, client):
    _, _, news = tree
    section = news_section(news)
    add_event(section, "spaeter", starts_in=timedelta(days=30), title="Später")
    add_event(section, "bald", starts_in=timedelta(days=3), title="Bald")
    add_event(section, "vorbei", starts_in=timedelta(days=-3), title="Vorbei")
    response = client.get("/aktuelles/")
    assert [event.title for event in response.context["upcoming_events"]] == ["Bald", "Später"]
    html = response.content.decode()
    assert "Vorbei" not in html
    assert 'href="/aktuelles/archiv/"' in html
    archive = client.get("/aktuelles/archiv/")
    assert [event.title for event in archive.context["past_events"]] == ["Vorbei"]
    assert client.get("/aktuelles/archiv/?seite=abc").status_code == 200
