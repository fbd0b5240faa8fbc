"""Article blocks: reading time, the two-click video, quotes and standpoints."""

import re

import pytest
from wagtail.blocks import StructBlockValidationError

from magazine.blocks import WORDS_PER_MINUTE, ArticleStreamBlock, VideoBlock
from magazine.tests.utils import add_article, magazine_section, make_image

pytestmark = pytest.mark.django_db

PROVIDER_HOSTS = ("youtube", "youtu.be", "vimeo", "ytimg", "googlevideo")


def test_reading_time_counts_the_words_of_all_text_blocks(tree):
    _, magazine, _ = tree
    section = magazine_section(magazine)
    assert add_article(section, "kurz", words=50).reading_time == 1
    assert add_article(section, "genau", words=2 * WORDS_PER_MINUTE).reading_time == 2
    assert add_article(section, "lang", words=2 * WORDS_PER_MINUTE + 1).reading_time == 3
    body = [
        ("heading", {"text": " ".join(["Wort"] * WORDS_PER_MINUTE), "level": "h2"}),
        ("quote", {"text": " ".join(["Wort"] * WORDS_PER_MINUTE), "attribution": ""}),
        ("paragraph", "<p><strong>" + " ".join(["Wort"] * 10) + "</strong></p>"),
    ]
    assert add_article(section, "gemischt", body=body).reading_time == 3


def test_reading_time_follows_the_published_revision(tree):
    _, magazine, _ = tree
    article = add_article(magazine_section(magazine), "wachsend", words=10)
    article.body = [("paragraph", "<p>" + " ".join(["Wort"] * 1000) + "</p>")]
    article.save_revision().publish()
    article.refresh_from_db()
    assert article.reading_time == 5


def render_video(provider="youtube", video_id="dQw4w9WgXcQ"):
    poster = make_image(title="Vorschau", credit="Foto: Redaktion")
    block = VideoBlock()
    value = block.to_python(
        {"provider": provider, "video_id": video_id, "title": "Stark im Amt stellt sich vor", "poster": poster.pk}
    )
    return block.render(value)


@pytest.mark.parametrize(
    "provider,video_id,watch,embed",
    [
        (
            "youtube",
            "dQw4w9WgXcQ",
            "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
            "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ",
        ),
        ("vimeo", "76979871", "https://vimeo.com/76979871", "https://player.vimeo.com/video/76979871"),
    ],
)
def test_video_block_loads_nothing_from_the_provider_before_a_click(provider, video_id, watch, embed):
    html = render_video(provider, video_id)
    # No src, srcset or poster attribute points anywhere but our own media.
    for attribute, value in re.findall(r'\s(src|srcset|poster|data-src)="([^"]*)"', html):
        assert not any(host in value for host in PROVIDER_HOSTS), (attribute, value)
    assert "<iframe" not in html
    assert "<script" not in html
    # Without JavaScript: a link to the provider, a deliberate step. The player URL waits for the click.
    assert f'href="{watch}"' in html
    assert f'data-embed-url="{embed}' in html
    assert "erhält" in html and "IP-Adresse" in html
    assert "<picture>" in html and "/media/" in html


def test_video_block_rejects_ids_that_are_not_the_providers():
    block = VideoBlock()
    poster = make_image()
    for provider, video_id in [("youtube", "https://evil.example/x"), ("vimeo", "abc"), ("youtube", 'a"onload=')]:
        with pytest.raises(StructBlockValidationError):
            block.clean(
                block.to_python({"provider": provider, "video_id": video_id, "title": "T", "poster": poster.pk})
            )


def test_quote_standpoint_and_figure_render_with_credit(tree):
    image = make_image(credit="Foto: Erika Muster")
    stream = ArticleStreamBlock()
    value = stream.to_python(
        [
            {"type": "quote", "value": {"text": "Ich bin nicht allein.", "attribution": "Eine Bürgermeisterin"}},
            {"type": "standpoint", "value": {"text": "Hass ist keine Meinung.", "attribution": ""}},
            {
                "type": "image",
                "value": {
                    "image": {"image": image.pk, "decorative": False, "alt_text": "Ein Rathaus"},
                    "caption": "Das Rathaus",
                },
            },
        ]
    )
    html = stream.render(value)
    assert "<blockquote" in html and "– Eine Bürgermeisterin" in html
    assert 'aria-label="Standpunkt"' in html and "Hass ist keine Meinung." in html
    assert 'alt="Ein Rathaus"' in html
    assert "Foto: Erika Muster" in html and "Das Rathaus" in html
    assert 'loading="lazy"' in html and 'type="image/avif"' in html


@pytest.mark.django_db
def test_related_contacts_show_each_published_contact_once():
    from contacts.models import Contact, ContactPhone
    from magazine.blocks import RelatedContactsBlock

    live = Contact.objects.create(key="offen", name="Offene Stelle", kind="opferberatung", nationwide=True, live=True)
    ContactPhone.objects.create(contact=live, number="0800 111 22 33")
    draft = Contact.objects.create(key="entwurf", name="Entwurfsstelle", kind="opferberatung", live=False)
    block = RelatedContactsBlock()
    html = block.render(block.to_python({"heading": "Hilfe", "contacts": [live.pk, draft.pk, live.pk]}))
    assert html.count("Offene Stelle") == 1 and "Entwurfsstelle" not in html
