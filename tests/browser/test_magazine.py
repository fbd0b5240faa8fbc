"""The magazine and "Aktuelles & Termine" in a real browser: accessible, and no video provider request
before the visitor clicks "play"."""

import pytest

from magazine.models import ArticlePage, EventPage
from magazine.tests.utils import add_article, build_tree, magazine_section, make_image

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PROVIDER_HOSTS = ("youtube", "ytimg", "googlevideo", "vimeo")


@pytest.fixture
def video_article(db):
    _, magazine, _ = build_tree()
    body = [
        ("paragraph", "<p>Vor dem Video steht ein Absatz.</p>"),
        (
            "video",
            {
                "provider": "youtube",
                "video_id": "aaaaaaaaaaa",  # a fixture id: the request is aborted by the test anyway
                "title": "Ein Testvideo",
                "poster": make_image(title="Vorschau", size=(1280, 720)),
                "caption": "",
            },
        ),
    ]
    return add_article(magazine_section(magazine), "mit-video", title="Beitrag mit Video", body=body)


def provider_sources(page) -> list[str]:
    """Every src/srcset/data attribute in the document that points at a video provider."""
    return page.evaluate(
        """hosts => Array.from(document.querySelectorAll('[src], [srcset], [data], [poster]'))
            .flatMap(el => ['src', 'srcset', 'data', 'poster'].map(a => el.getAttribute(a) || ''))
            .filter(v => hosts.some(h => v.includes(h)))""",
        list(PROVIDER_HOSTS),
    )


def test_video_loads_from_the_provider_only_after_the_click(video_article, browser_page):
    page = browser_page.page
    browser_page.goto(video_article.url)
    page.wait_for_load_state("networkidle")
    assert provider_sources(page) == []
    assert browser_page.foreign_requests == []
    assert page.locator("iframe").count() == 0
    # The data note is shown next to the button.
    assert "IP-Adresse" in page.locator(".video__privacy").inner_text()

    button = page.get_by_role("button", name="Video hier abspielen")
    with page.expect_request(lambda request: "youtube-nocookie.com/embed/aaaaaaaaaaa" in request.url):
        button.focus()
        page.keyboard.press("Enter")
    iframe = page.locator("iframe.video__player")
    assert iframe.get_attribute("src").startswith("https://www.youtube-nocookie.com/embed/aaaaaaaaaaa")
    assert iframe.get_attribute("title") == "Ein Testvideo"
    assert any("youtube-nocookie.com" in url for url in browser_page.foreign_requests)
    assert all("youtube-nocookie.com" in url for url in browser_page.foreign_requests)


def test_without_javascript_the_video_is_a_link_to_the_provider(video_article, chromium, live_server):
    context = chromium.new_context(java_script_enabled=False)
    page = context.new_page()
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(live_server.url + video_article.url)
    link = page.locator("a.video__start")
    assert link.inner_text().startswith("Video bei YouTube ansehen")
    assert link.get_attribute("href") == "https://www.youtube.com/watch?v=aaaaaaaaaaa"
    assert not [url for url in requested if any(host in url for host in PROVIDER_HOSTS)]
    context.close()


def test_magazine_news_and_event_pages_are_axe_clean(demo_content, browser_page):
    article = ArticlePage.objects.live().order_by("-date").first()
    event = EventPage.objects.live().first()
    browser_page.goto("/")
    assert browser_page.page.get_by_role("heading", name="Neu im Magazin").is_visible()
    for path in ["/", "/magazin/", "/magazin/?art=standpunkt", article.url, "/aktuelles/", event.url]:
        response = browser_page.goto(path)
        assert response.status == 200, path
        assert browser_page.axe_violations() == [], path
    assert browser_page.foreign_requests == []
    assert browser_page.console_errors == []
    assert browser_page.page.context.cookies() == []


def test_filtering_the_magazine_with_the_keyboard(demo_content, browser_page):
    page = browser_page.page
    browser_page.goto("/magazin/")
    page.get_by_label("Art des Beitrags").select_option(label="Interview")
    page.get_by_role("button", name="Filter anwenden").press("Enter")
    page.wait_for_url("**/magazin/?art=interview*")
    cards = page.locator(".article-list .article-card__kind")
    assert cards.count() >= 1
    assert set(cards.all_inner_texts()) == {"Interview"}
    assert browser_page.axe_violations() == []
