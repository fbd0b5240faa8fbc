"""Builders for magazine tests: the partner pages, both sections with per-partner subtrees, pages, images."""

from datetime import timedelta

from django.utils import timezone
from wagtail.images.tests.utils import get_test_image_file

from demo.base import load_about, load_home
from magazine.editorial import setup_editorial_groups
from magazine.models import (
    ArticlePage,
    EventPage,
    MagazineIndexPage,
    MagazineSectionPage,
    NewsIndexPage,
    NewsPage,
    NewsSectionPage,
)
from portal.models import PortalImage


def build_tree():
    """Home, "Über uns" with the partners, both index pages, the sections and the editorial groups."""
    home = load_home()
    load_about(home)
    magazine = MagazineIndexPage(title="Magazin", slug="magazin", intro="Erfahrungen und Einschätzungen.")
    home.add_child(instance=magazine)
    news = NewsIndexPage(title="Aktuelles & Termine", slug="aktuelles")
    home.add_child(instance=news)
    setup_editorial_groups(log=lambda message: None)
    return home, magazine, news


def section(model, index, partner_slug):
    return model.objects.child_of(index).get(partner__slug=partner_slug)


def magazine_section(magazine, partner_slug="deutscher-staedtetag"):
    return section(MagazineSectionPage, magazine, partner_slug)


def news_section(news, partner_slug="deutscher-staedtetag"):
    return section(NewsSectionPage, news, partner_slug)


def make_image(title="Bild", credit="Foto: Beispiel / Demo", size=(1600, 900)) -> PortalImage:
    return PortalImage.objects.create(
        title=title, credit=credit, description=f"Beschreibung {title}", file=get_test_image_file(size=size)
    )


def paragraph_body(words: int = 50):
    return [("paragraph", "<p>" + " ".join(["Wort"] * words) + "</p>")]


def add_article(parent, slug, *, days_ago=0, kind="interview", tags=(), image=None, live=True, words=50, **fields):
    page = ArticlePage(
        title=fields.pop("title", f"Beitrag {slug}"),
        slug=slug,
        kind=kind,
        date=timezone.localdate() - timedelta(days=days_ago),
        teaser=fields.pop("teaser", f"Kurzbeschreibung {slug}"),
        teaser_image=image,
        body=fields.pop("body", paragraph_body(words)),
        live=live,
        **fields,
    )
    parent.add_child(instance=page)
    if tags:
        page.tags.set(list(tags))
    revision = page.save_revision()
    if live:
        revision.publish()
    return ArticlePage.objects.get(pk=page.pk)


def add_news(parent, slug, *, days_ago=0, kind="meldung", **fields):
    page = NewsPage(
        title=fields.pop("title", f"Meldung {slug}"),
        slug=slug,
        kind=kind,
        date=timezone.localdate() - timedelta(days=days_ago),
        body=fields.pop("body", paragraph_body(20)),
        **fields,
    )
    parent.add_child(instance=page)
    page.save_revision().publish()
    return NewsPage.objects.get(pk=page.pk)


def add_event(parent, slug, *, starts_in=timedelta(days=10), hours=2, **fields):
    start = timezone.now().replace(microsecond=0) + starts_in
    page = EventPage(
        title=fields.pop("title", f"Termin {slug}"),
        slug=slug,
        start=start,
        end=start + timedelta(hours=hours),
        location=fields.pop("location", "Rathaus, Sitzungssaal"),
        organiser=fields.pop("organiser", "Redaktion"),
        **fields,
    )
    parent.add_child(instance=page)
    page.save_revision().publish()
    return EventPage.objects.get(pk=page.pk)
