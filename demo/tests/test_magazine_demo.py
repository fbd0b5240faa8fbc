"""The magazine's demo content: enough to browse, marked as demo, built only on the facts file, idempotent."""

import os

import pytest
from django.core.management import call_command
from django.utils import timezone

from magazine.models import ArticleKind, ArticlePage, Author, EventPage, MagazineSectionPage, NewsKind, NewsPage

pytestmark = pytest.mark.django_db


def counts():
    return (
        ArticlePage.objects.count(),
        NewsPage.objects.count(),
        EventPage.objects.count(),
        Author.objects.count(),
        MagazineSectionPage.objects.count(),
    )


def test_demo_content_covers_the_magazine_and_is_marked_as_demo(demo_content, client):
    articles = ArticlePage.objects.live()
    assert articles.count() >= 6
    assert {a.kind for a in articles} == set(ArticleKind.values)
    assert all(a.is_demo for a in articles)
    assert all(a.responsible_partner is not None for a in articles)
    assert {a.responsible_partner.slug for a in articles} >= {"deutscher-staedtetag", "koerber-stiftung"}
    authors = Author.objects.all()
    assert authors.count() == 2 and all(a.is_demo and "erfundene" in a.role for a in authors)

    news = NewsPage.objects.live()
    assert news.count() == 3 and all(n.is_demo for n in news)
    figures = NewsPage.objects.get(slug="starke-stelle-zahlen")
    text = str(figures.body)
    assert "151 Anfragen" in text and "mehr als 260" in text
    press = news.get(kind=NewsKind.PRESS_RELEASE)
    assert press.issuing_partners.count() == 3

    events = EventPage.objects.live()
    assert events.count() == 2
    assert all(e.is_demo and e.start > timezone.now() and "Beispieltermin" in e.title for e in events)

    # No demo article embeds a video: no real address is known, and nothing may call a provider.
    assert not any(block.block_type == "video" for a in articles for block in a.body)
    # Some articles point to guidance pages and contacts of the other sections.
    html = client.get(ArticlePage.objects.get(slug="als-die-drohungen-kamen").url).content.decode()
    assert "Starke Stelle" in html and "Erfundener Bericht" in html


def test_demo_loader_runs_twice_without_duplicates(demo_content):
    before = counts()
    call_command("load_demo_content", stdout=open(os.devnull, "w"))  # noqa: SIM115
    assert counts() == before
