"""HTTP for weak connections: a revisit costs a 304 instead of the page, brotli, feed, favicon, HEAD."""

import gzip

import brotli
import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core.cache.invalidation import content_changed
from core.cache.pagecache import local_pages as _local_pages

pytestmark = pytest.mark.django_db


@pytest.fixture
def page_cache(settings):
    settings.PAGE_CACHE_ENABLED = True
    cache.clear()
    _local_pages.clear()
    yield
    cache.clear()
    _local_pages.clear()


def test_anonymous_page_has_an_etag_and_a_short_revalidating_max_age(demo_content, client, settings):
    response = client.get("/")
    assert response.status_code == 200
    assert response["ETag"].startswith('W/"')
    control = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"public", f"max-age={settings.HTTP_MAX_AGE}", "must-revalidate"} <= control
    assert "Cookie" in response["Vary"]


@pytest.mark.parametrize("cached", [False, True], ids=["rendered", "page-cache"])
def test_revisit_with_the_current_etag_gets_304_without_rendering(demo_content, client, request, cached):
    if cached:
        request.getfixturevalue("page_cache")
    first = client.get("/rat-und-tat/")
    if cached:
        first = client.get("/rat-und-tat/")
        assert first["X-Cache"] == "hit" and "ETag" in first  # the cached copy carries its validator
    with CaptureQueriesContext(connection) as queries:
        again = client.get("/rat-und-tat/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == first["ETag"]
    # Neither routing nor rendering ran: at most the generation is read (a database row without Redis).
    assert len(queries) <= 1


def test_a_content_change_gives_a_new_etag_and_the_full_page(demo_content, client):
    first = client.get("/")
    content_changed()
    again = client.get("/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 200
    assert again["ETag"] != first["ETag"]
    assert b"<html" in again.content


def test_each_url_has_its_own_etag(demo_content, client):
    home = client.get("/")
    assert client.get("/rat-und-tat/", HTTP_IF_NONE_MATCH=home["ETag"]).status_code == 200
    assert client.get("/rat-und-tat/")["ETag"] != home["ETag"]


def test_visitors_with_cookies_get_no_shared_validators(demo_content, client, django_user_model):
    etag = client.get("/")["ETag"]
    client.cookies["bench"] = "x"
    response = client.get("/", HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200  # a cookie may mean another page (an editor's userbar)
    assert "ETag" not in response
    client.cookies.clear()
    client.force_login(django_user_model.objects.create_user("redaktion", password="x" * 12))
    response = client.get("/", HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200
    assert "public" not in response.get("Cache-Control", "")


def test_search_results_get_no_etag(demo_content, client):
    # Each search must reach the view to be counted for the editors' list of popular queries.
    response = client.get("/suche/?q=Anzeige")
    assert response.status_code == 200
    assert "ETag" not in response
    assert "public" not in response.get("Cache-Control", "")


@pytest.mark.parametrize("cached", [False, True], ids=["rendered", "page-cache"])
def test_brotli_when_accepted_gzip_otherwise(demo_content, client, request, cached):
    if cached:
        request.getfixturevalue("page_cache")
    plain = client.get("/").content
    for _ in range(2 if cached else 1):
        br = client.get("/", HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    assert br["Content-Encoding"] == "br"
    assert brotli.decompress(br.content) == plain
    gz = client.get("/", HTTP_ACCEPT_ENCODING="gzip")
    assert gz["Content-Encoding"] == "gzip"
    assert gzip.decompress(gz.content) == plain
    assert len(br.content) < len(gz.content) < len(plain)
    refused = client.get("/", HTTP_ACCEPT_ENCODING="br;q=0, gzip")
    assert refused["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in br["Vary"]


@pytest.mark.parametrize("cached", [False, True], ids=["rendered", "page-cache"])
def test_feed_answers_304_to_if_modified_since(demo_content, client, request, cached):
    if cached:
        request.getfixturevalue("page_cache")
    first = client.get("/magazin/feed/")
    assert first.status_code == 200 and "Last-Modified" in first
    again = client.get("/magazin/feed/", HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert again.status_code == 304
    assert again.content == b""
    older = client.get("/magazin/feed/", HTTP_IF_MODIFIED_SINCE="Mon, 01 Jan 2001 00:00:00 GMT")
    assert older.status_code == 200


def test_favicon_ico_serves_the_site_icon(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml"
    assert b"<svg" in response.content
    assert "max-age" in response["Cache-Control"]
    assert client.head("/favicon.ico").status_code == 200


def test_healthz_answers_head(client):
    response = client.head("/healthz")
    assert response.status_code == 200
    assert client.post("/healthz").status_code == 405
