"""The magazine listing: newest first, paginated, filtered by kind and topic; bad input never breaks it."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from taggit.models import Tag

from magazine.models import ArticlePage
from magazine.models.sections import PAGE_SIZE
from magazine.tests.utils import add_article, magazine_section, make_image

pytestmark = pytest.mark.django_db


def titles(response):
    return [article.title for article in response.context["articles"]]


def test_newest_first_and_drafts_left_out(tree, client):
    _, magazine, _ = tree
    section = magazine_section(magazine)
    add_article(section, "alt", days_ago=30, title="Älterer Beitrag")
    add_article(section, "neu", days_ago=1, title="Neuer Beitrag")
    add_article(section, "entwurf", days_ago=0, title="Entwurf", live=False)
    response = client.get("/magazin/")
    assert titles(response) == ["Neuer Beitrag", "Älterer Beitrag"]
    assert "Entwurf" not in response.content.decode()


def test_articles_of_all_partner_sections_are_listed(tree, client):
    _, magazine, _ = tree
    add_article(magazine_section(magazine, "deutscher-staedtetag"), "a", title="Vom Städtetag")
    add_article(magazine_section(magazine, "koerber-stiftung"), "b", title="Von der Körber-Stiftung")
    assert set(titles(client.get("/magazin/"))) == {"Vom Städtetag", "Von der Körber-Stiftung"}
    # The section page shows only its own partner's articles.
    response = client.get("/magazin/koerber-stiftung/")
    assert titles(response) == ["Von der Körber-Stiftung"]


def test_pagination_and_bad_page_numbers(tree, client):
    _, magazine, _ = tree
    section = magazine_section(magazine)
    for number in range(PAGE_SIZE + 2):
        add_article(section, f"beitrag-{number}", days_ago=number, words=5)
    first = client.get("/magazin/")
    assert len(first.context["articles"]) == PAGE_SIZE
    assert 'href="?seite=2"' in first.content.decode()
    second = client.get("/magazin/?seite=2")
    assert len(second.context["articles"]) == 2
    for bad in ["0", "-1", "abc", "9" * 40, "2.5", "%00"]:
        response = client.get(f"/magazin/?seite={bad}")
        assert response.status_code == 200, bad
        assert len(response.context["articles"]) in {2, PAGE_SIZE}


def test_filter_by_kind_and_topic(tree, client):
    _, magazine, _ = tree
    section = magazine_section(magazine)
    add_article(section, "interview", kind="interview", tags=["Beweise sichern"], title="Ein Interview")
    add_article(section, "standpunkt", kind="standpunkt", tags=["Solidarität"], title="Ein Standpunkt")
    add_article(section, "bericht", kind="erfahrungsbericht", tags=["Solidarität", "Bedrohung"], title="Ein Bericht")

    slug = Tag.objects.get(name="Solidarität").slug
    assert titles(client.get("/magazin/?art=interview")) == ["Ein Interview"]
    assert set(titles(client.get("/magazin/", {"thema": slug}))) == {"Ein Standpunkt", "Ein Bericht"}
    assert titles(client.get("/magazin/", {"art": "standpunkt", "thema": slug})) == ["Ein Standpunkt"]
    # The filter keeps its values in the pagination links and the form.
    response = client.get("/magazin/?art=interview")
    assert '<option value="interview" selected>' in response.content.decode()


@pytest.mark.parametrize(
    "query,message",
    [
        ("art=gibt-es-nicht", "Diese Art von Beitrag gibt es nicht"),
        ("thema=%3Cscript%3E", "Dieses Thema gibt es nicht"),
        ("art=" + "x" * 5000, "Diese Art von Beitrag gibt es nicht"),
    ],
)
def test_unknown_filter_values_show_a_german_notice_and_all_articles(tree, client, query, message):
    _, magazine, _ = tree
    add_article(magazine_section(magazine), "eins", title="Der einzige Beitrag")
    response = client.get(f"/magazin/?{query}")
    assert response.status_code == 200
    assert message in response.content.decode()
    assert titles(response) == ["Der einzige Beitrag"]
    assert "<script>" not in response.content.decode()


def test_listing_needs_the_same_number_of_queries_for_more_articles(tree, client):
    """Images, renditions, tags and authors are prefetched: no query per article."""
    _, magazine, _ = tree
    section = magazine_section(magazine)

    def add(count, offset):
        for number in range(count):
            image = make_image(title=f"Bild {offset + number}", size=(800, 450))
            add_article(section, f"b-{offset + number}", image=image, tags=["Solidarität", f"T{number}"])

    add(2, 0)
    client.get("/magazin/")  # renditions are created on the first view
    with CaptureQueriesContext(connection) as few:
        assert client.get("/magazin/").status_code == 200
    add(4, 10)
    client.get("/magazin/")
    with CaptureQueriesContext(connection) as more:
        response = client.get("/magazin/")
    assert len(response.context["articles"]) == 6
    assert len(more.captured_queries) == len(few.captured_queries)


def test_listing_images_are_responsive_with_modern_formats_and_sizes(tree, client):
    _, magazine, _ = tree
    add_article(magazine_section(magazine), "bild", image=make_image(size=(1600, 900)))
    html = client.get("/magazin/").content.decode()
    assert 'type="image/avif"' in html
    assert 'type="image/webp"' in html
    assert "srcset=" in html
    assert 'loading="lazy"' in html
    assert 'width="' in html and 'height="' in html


def test_related_articles_share_tags(tree, client):
    _, magazine, _ = tree
    section = magazine_section(magazine)
    main = add_article(section, "haupt", tags=["Solidarität", "Bedrohung"], title="Hauptbeitrag")
    add_article(section, "zwei-tags", tags=["Solidarität", "Bedrohung"], title="Zwei gemeinsame Themen", days_ago=9)
    add_article(section, "ein-tag", tags=["Bedrohung"], title="Ein gemeinsames Thema", days_ago=1)
    add_article(section, "fremd", tags=["Adressschutz"], title="Anderes Thema")
    related = [article.title for article in main.related_articles()]
    assert related == ["Zwei gemeinsame Themen", "Ein gemeinsames Thema"]
    html = client.get(main.url).content.decode()
    assert "Das könnte Sie auch interessieren" in html
    assert "Anderes Thema" not in html


def test_home_page_tag_lists_latest_articles(tree, rf):
    from django.template import Context, Template

    _, magazine, _ = tree
    add_article(magazine_section(magazine), "neu", title="Neuester Beitrag")
    html = Template("{% load magazine_tags %}{% latest_articles %}").render(Context({"request": rf.get("/")}))
    assert "Neuester Beitrag" in html
    assert ArticlePage.objects.count() == 1


def related_titles(client, page) -> list[str]:
    response = client.get(page.url)
    assert response.status_code == 200
    return [article.title for article in response.context["related"]]


def test_related_articles_follow_publishing_and_tag_changes_at_once(tree, client):
    """The ranking is kept per content generation: the next view after a change ranks afresh."""
    _, magazine, _ = tree
    section = magazine_section(magazine)
    main = add_article(section, "haupt", tags=["Solidarität", "Bedrohung"], title="Hauptbeitrag")
    add_article(section, "ein-tag", tags=["Bedrohung"], title="Ein gemeinsames Thema", days_ago=1)
    assert related_titles(client, main) == ["Ein gemeinsames Thema"]

    newer = add_article(section, "zwei-tags", tags=["Solidarität", "Bedrohung"], title="Zwei gemeinsame", days_ago=5)
    assert related_titles(client, main) == ["Zwei gemeinsame", "Ein gemeinsames Thema"]

    # An editor takes both shared tags off the newer article and publishes it: it drops out.
    newer.tags.set(["Adressschutz"])
    newer.save_revision().publish()
    assert related_titles(client, main) == ["Ein gemeinsames Thema"]

    # A preview with other tags than the published version ranks for those tags.
    assert [a.title for a in main.related_articles(tags=list(Tag.objects.filter(name="Adressschutz")))] == [
        "Zwei gemeinsame"
    ]


def test_related_article_cards_are_fetched_without_their_bodies(tree, client):
    _, magazine, _ = tree
    section = magazine_section(magazine)
    main = add_article(section, "haupt", tags=["Bedrohung"])
    add_article(section, "verwandt", tags=["Bedrohung"], title="Verwandter Beitrag", teaser="Worum es geht")
    response = client.get(main.url)
    (card,) = response.context["related"]
    assert "body" in card.get_deferred_fields()
    html = response.content.decode()
    assert f'href="{card.url}"' in html and "Worum es geht" in html


def test_a_preview_shows_the_drafts_tags_and_ranks_for_them(tree, client):
    _, magazine, _ = tree
    section = magazine_section(magazine)
    main = add_article(section, "haupt", tags=["Bedrohung"], title="Hauptbeitrag")
    add_article(section, "bedrohung", tags=["Bedrohung"], title="Über Bedrohungen")
    add_article(section, "adresse", tags=["Adressschutz"], title="Über Adressschutz")
    assert related_titles(client, main) == ["Über Bedrohungen"]  # the published version, now kept

    draft = main.get_latest_revision_as_object()
    draft.tags.set(["Adressschutz"])
    response = draft.make_preview_request()
    response.render()
    html = response.content.decode()
    assert "thema=adressschutz" in html and "Über Adressschutz" in html and "Über Bedrohungen" not in html
    assert related_titles(client, main) == ["Über Bedrohungen"]  # visitors still see the published one
