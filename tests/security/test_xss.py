"""Editors' content cannot inject script: payloads in titles, every block of every page type, rich text
links, tables, form help texts. Public pages and the admin keep them escaped."""

import pytest
from django.core.cache import caches

from tests.security.payloads import FORBIDDEN, Fixtures, inject, one_page_per_type


def assert_escaped(html: str, where: str):
    found = [marker for marker in FORBIDDEN if marker in html]
    assert found == [], f"{where}: {found}"


@pytest.fixture
def poisoned_pages(demo):
    fx = Fixtures(demo)
    pages = [inject(page, fx) for page in one_page_per_type()]
    for cache in caches.all():
        cache.clear()
    return pages


@pytest.mark.django_db
def test_public_pages_keep_payloads_escaped(client, poisoned_pages):
    assert len(poisoned_pages) >= 4  # home, standard, about, partner … and whatever has landed since
    for page in poisoned_pages:
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        html = response.content.decode()
        assert "alert" in html or page.title in html  # the payload did reach the page, escaped
        assert_escaped(html, page.url)
    # Listings, navigation, sitemap and search show the poisoned titles too.
    for path in ("/sitemap.xml", "/suche/?q=alert", "/"):
        response = client.get(path)
        assert response.status_code == 200, path
        assert_escaped(response.content.decode(), path)


@pytest.mark.django_db
def test_admin_keeps_payloads_escaped(superuser_client, poisoned_pages):
    for page in poisoned_pages:
        for url in (
            f"/admin/pages/{page.pk}/edit/",
            f"/admin/pages/{page.get_parent().pk}/",
            f"/admin/pages/{page.pk}/history/",
        ):
            response = superuser_client.get(url)
            assert response.status_code == 200, url
            assert_escaped(response.content.decode(), url)
    for url in ("/admin/images/", "/admin/documents/", "/admin/pages/search/?q=alert"):
        response = superuser_client.get(url)
        assert response.status_code == 200, url
        assert_escaped(response.content.decode(), url)


@pytest.mark.django_db
def test_rich_text_links_lose_javascript_and_data_urls():
    from tests.security.payloads import rich_text_payload

    stored = rich_text_payload()
    assert "javascript:" not in stored and "data:" not in stored
    assert "<script" not in stored
