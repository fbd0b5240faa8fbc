"""An article needs as many queries with six authors, tags, contacts and images as with one of each:
nothing on the article page is fetched once per item."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from contacts.models import Contact, ContactKind, ContactPhone
from magazine.models import ArticleAuthor, Author
from magazine.tests.utils import add_article, magazine_section, make_image, paragraph_body
from portal.models import GuidancePage


def guidance(home, slug):
    page = GuidancePage(title=f"Ratgeber {slug}", slug=slug, applies_when="Immer.", body=[], teaser=f"Kurz {slug}")
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


def contact(key):
    item = Contact.objects.create(key=key, name=f"Stelle {key}", kind=ContactKind.VICTIM_SUPPORT, live=True)
    for number in range(2):
        ContactPhone.objects.create(
            contact=item, sort_order=number, label=f"Telefon {number}", number=f"030 12 3{number}"
        )
    return item


def article_with(section, home, slug, count):
    """An article with `count` authors (with portraits), tags, contacts, guidance links, figures and videos,
    and `count` other articles (with images) that share a tag with it."""
    tags = [f"{slug}-thema-{number}" for number in range(count)]
    for number in range(count):
        add_article(section, f"{slug}-verwandt-{number}", tags=[tags[0]], image=make_image(f"{slug} v{number}"))
    body = paragraph_body(20)
    for number in range(count):
        image = make_image(f"{slug} Bild {number}")
        body.append(("image", {"image": {"image": image, "alt_text": "Ein Bild", "decorative": False}}))
        body.append(
            (
                "video",
                {"provider": "youtube", "video_id": f"abcdefghij{number}", "title": f"Video {number}", "poster": image},
            )
        )
    body.append(("contacts", {"heading": "Hilfe", "contacts": [contact(f"{slug}-{n}") for n in range(count)]}))
    body.append(
        ("related_pages", {"heading": "Mehr", "pages": [guidance(home, f"{slug}-rat-{n}") for n in range(count)]})
    )
    page = add_article(section, slug, tags=tags, image=make_image(f"{slug} Titelbild"), body=body)
    for number in range(count):
        author = Author.objects.create(name=f"Person {slug} {number}", portrait=make_image(f"{slug} Porträt {number}"))
        ArticleAuthor.objects.create(page=page, author=author, sort_order=number)
    return page


def queries_for(client, page):
    with CaptureQueriesContext(connection) as context:
        response = client.get(page.url)
    assert response.status_code == 200
    return response, len(context.captured_queries)


def test_article_queries_do_not_grow_with_authors_tags_contacts_images_and_related(tree, client):
    home, magazine, _ = tree
    section = magazine_section(magazine)
    one = article_with(section, home, "eins", 1)
    six = article_with(section, home, "sechs", 6)
    # The first views create the renditions and the site's settings row (a content change, so a new
    # generation); the second ones fill what a process keeps per generation. Measured after that.
    for page in (one, six, one, six):
        client.get(page.url)

    few_response, few = queries_for(client, one)
    many_response, many = queries_for(client, six)

    html = many_response.content.decode()
    for number in range(6):  # everything is there, fetched in bulk
        assert f"Person sechs {number}" in html
        assert f"sechs-thema-{number}" in html
        assert f"Stelle sechs-{number}" in html
        assert f"Ratgeber sechs-rat-{number}" in html
        assert f"Video {number}" in html
    assert html.count('href="tel:030123') == 12
    assert len(many_response.context["related"]) == 3
    assert len(few_response.context["related"]) == 1
    assert many == few
