"""Every page in the sitemap has a title of its own: a journalist's bookmarks and a screen reader's list of
tabs tell the pages apart (issue 16: "Deutscher Städtetag – Stark im Amt" was the title of three pages)."""

import re
from collections import defaultdict

import pytest

from bench.targets import sitemap_paths

TITLE = re.compile(r"<title>(.*?)</title>", re.S)


@pytest.mark.django_db
def test_every_sitemap_page_has_a_unique_title(demo_content, client):
    pages = defaultdict(list)
    for path in sitemap_paths(client):
        html = client.get(path).content.decode()
        pages[" ".join(TITLE.search(html).group(1).split())].append(path)
    assert len(pages) > 40
    assert {title: paths for title, paths in pages.items() if len(paths) > 1} == {}
    assert "Magazin: Deutscher Städtetag – Stark im Amt" in pages
    assert "Aktuelles: Deutscher Städtetag – Stark im Amt" in pages


@pytest.mark.django_db
def test_an_empty_partner_section_is_not_in_the_sitemap_until_it_has_content(demo_content, client):
    from magazine.models import NewsSectionPage

    empty = [s for s in NewsSectionPage.objects.live() if not s.get_children().live().exists()]
    assert empty  # the demo has one ("Noch keine Meldungen")
    paths = sitemap_paths(client)
    assert all(section.url not in paths for section in empty)
    assert client.get(empty[0].url).status_code == 200  # still reachable, only not announced
