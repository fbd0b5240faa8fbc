"""Legal and accessibility pages one click from every page; SEO tags and structured data on every page."""

import json
import re
from urllib.parse import urlsplit
from xml.etree import ElementTree

import pytest
from bs4 import BeautifulSoup
from django.contrib.staticfiles import finders
from PIL import Image

from demo.base import FOOTER, load_home
from demo.utils import paragraph, upsert_page
from portal.models import StandardPage
from portal.seo import json_ld

pytestmark = pytest.mark.django_db

SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
LEGAL_SLUGS = ["impressum", "datenschutz", "barrierefreiheit", "leichte-sprache", "gebaerdensprache"]


def page_text(slug: str) -> str:
    page = StandardPage.objects.get(slug=slug)
    return BeautifulSoup(str(page.body), "html.parser").get_text(" ")


def sitemap_paths(client) -> list[str]:
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ElementTree.fromstring(response.content)
    return [urlsplit(loc.text).path for loc in root.iter(f"{SITEMAP_NS}loc")]


def test_legal_and_accessibility_pages_exist_in_demo_content(demo_content, client):
    for slug in LEGAL_SLUGS:
        page = StandardPage.objects.live().get(slug=slug)
        assert page.is_demo
        assert client.get(page.url).status_code == 200
    assert "§ 5" in page_text("impressum") and "DDG" in page_text("impressum")
    privacy = page_text("datenschutz")
    topics = ("Server-Protokolle", "Ihre Antworten im Lotsen", "Formular", "Videos", "Einwilligung", "TDDDG")
    for topic in (*topics, "keine Cookies"):
        assert topic.lower() in privacy.lower(), topic
    accessibility = page_text("barrierefreiheit")
    # The Schlichtungsstelle nach § 16 BGG handles federal public bodies, not this operator: only the demo
    # note for editors may name it, as the body that does not apply.
    public_text = accessibility.split("Demo-Inhalt")[0]
    assert "§ 16" not in public_text and "Schlichtungsstelle BGG" not in accessibility
    assert "Durchsetzungsverfahren" in accessibility and "Feedback-Formular" in accessibility
    assert "Demo-Inhalt" in accessibility
    assert "Barrieren melden" in accessibility
    assert "folgt" in page_text("gebaerdensprache")


def test_no_page_cites_repealed_law(demo_content):
    # TMG and TTDSG were replaced by DDG and TDDDG in 2024.
    for page in StandardPage.objects.all():
        text = BeautifulSoup(str(page.body), "html.parser").get_text(" ") + page.title + page.teaser
        assert not re.search(r"\b(TMG|TTDSG|Telemediengesetz)\b", text), page.slug


def test_every_page_in_the_sitemap_links_the_legal_pages_in_its_footer(demo_content, client):
    paths = sitemap_paths(client)
    for slug in LEGAL_SLUGS + ["zahlen-und-fakten", "feedback", "kontakt-vorschlagen"]:
        assert f"/{slug}/" in paths
    expected = {f"/{slug}/" for slug in FOOTER}
    for path in paths:
        response = client.get(path)
        assert response.status_code == 200, path
        footer = BeautifulSoup(response.content, "html.parser").select_one("footer .footer-nav")
        assert footer is not None, path
        assert expected <= {a["href"] for a in footer.select("a")}, path


def test_home_links_easy_language_and_sign_language_visibly(demo_content, client):
    soup = BeautifulSoup(client.get("/").content, "html.parser")
    main_links = {a["href"] for a in soup.select("main a")}
    assert {"/leichte-sprache/", "/gebaerdensprache/"} <= main_links


def head_of(client, path):
    return BeautifulSoup(client.get(path).content, "html.parser").head


def test_pages_have_canonical_hreflang_open_graph_and_twitter_tags(demo_content, client):
    head = head_of(client, "/zahlen-und-fakten/")
    canonical = head.select_one('link[rel="canonical"]')["href"]
    assert canonical.startswith("http") and canonical.endswith("/zahlen-und-fakten/")
    assert head.select_one('link[rel="alternate"][hreflang="de"]')["href"] == canonical
    og = {tag["property"]: tag["content"] for tag in head.select("meta[property]")}
    assert og["og:url"] == canonical
    assert og["og:title"] == "Zahlen und Fakten"
    assert og["og:description"].startswith("Wie viele Menschen")
    assert og["og:image"].startswith("http") and og["og:image"].endswith("og-default.png")
    twitter = {tag["name"]: tag["content"] for tag in head.select('meta[name^="twitter:"]')}
    assert twitter["twitter:card"] == "summary_large_image"
    assert twitter["twitter:image"] == og["og:image"]


def test_seo_title_and_description_from_the_page_are_used(home_page, client):
    page = upsert_page(
        home_page,
        StandardPage,
        "seo-test",
        title="Kurzer Titel",
        seo_title="Ein Titel für Suchmaschinen",
        search_description="Eine Beschreibung für Suchmaschinen.",
        body=[paragraph("<p>Text</p>")],
    )
    head = head_of(client, page.url)
    assert head.title.get_text().startswith("Ein Titel für Suchmaschinen")
    assert head.select_one('meta[name="description"]')["content"] == "Eine Beschreibung für Suchmaschinen."
    assert head.select_one('meta[property="og:title"]')["content"] == "Ein Titel für Suchmaschinen"


def test_default_share_image_is_a_local_1200_by_630_png():
    path = finders.find("img/og-default.png")
    assert path is not None
    with Image.open(path) as image:
        assert image.format == "PNG"
        assert image.size == (1200, 630)


def structured_data(head) -> list[dict]:
    return [json.loads(script.string) for script in head.select('script[type="application/ld+json"]')]


def test_organization_structured_data_on_every_page_parses_as_json(demo_content, client):
    for path in sitemap_paths(client):
        items = structured_data(head_of(client, path))
        organisations = [item for item in items if item["@type"] == "Organization"]
        assert len(organisations) == 1, path
        assert organisations[0]["@context"] == "https://schema.org"
        assert organisations[0]["name"] == "Stark im Amt"


def test_article_structured_data_is_escaped_and_parses(home_page, client, monkeypatch):
    # Any page type can say it is an article; a hostile title cannot end the <script> element.
    monkeypatch.setattr(StandardPage, "structured_data_type", "Article", raising=False)
    title = 'Angriff </script><script>alert("x")</script> & <!-- Kommentar'
    page = upsert_page(
        home_page, StandardPage, "artikel", title=title, teaser="Ein Bericht.", body=[paragraph("<p>Text</p>")]
    )
    html = client.get(page.url).content.decode()
    assert '<script>alert("x")</script>' not in html
    head = BeautifulSoup(html, "html.parser").head
    article = next(item for item in structured_data(head) if item["@type"] == "Article")
    assert article["headline"] == title
    assert article["description"] == "Ein Bericht."
    assert article["inLanguage"] == "de"
    assert article["datePublished"]
    assert head.select_one('meta[property="og:type"]')["content"] == "article"


def test_json_ld_escapes_everything_that_could_close_a_script():
    text = json_ld({"x": "</script><!-- & >"})
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == {"x": "</script><!-- & >"}


def test_search_page_has_seo_tags_and_is_not_indexed(db, client):
    load_home()
    head = head_of(client, "/suche/?q=Bedrohung")
    assert head.select_one('link[rel="canonical"]')["href"].endswith("/suche/")
    assert head.select_one('meta[name="robots"]')["content"].startswith("noindex")
    assert structured_data(head)[0]["@type"] == "Organization"


def test_old_urls_can_be_redirected_by_editors(home_page, client):
    from wagtail.contrib.redirects.models import Redirect

    page = upsert_page(home_page, StandardPage, "impressum", title="Impressum", body=[paragraph("<p>x</p>")])
    Redirect.objects.create(old_path="/kontakt/impressum.html", redirect_page=page, is_permanent=True)
    response = client.get("/kontakt/impressum.html")
    assert response.status_code == 301
    assert response["Location"].endswith("/impressum/")
