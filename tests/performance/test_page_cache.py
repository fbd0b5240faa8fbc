"""The page cache: anonymous readers share cached pages; editors, forms and changes never see stale ones."""

import gzip
from unittest import mock

import pytest
from django.middleware.csrf import get_token
from wagtail.models import Page

from bench.targets import sitemap_paths
from portal.models import EmergencySettings, StandardPage

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache")]


def fetch(client, path, **extra):
    response = client.get(path, **extra)
    assert response.status_code == 200, (path, response.status_code)
    return response


def test_anonymous_get_is_served_from_the_cache_with_one_query(demo_content, client, django_assert_num_queries):
    first = fetch(client, "/impressum/")
    assert first["X-Cache"] == "miss"
    # The one query reads the content generation, which the database keeps when the cache is per process
    # (with Redis it comes with the cache look-up: no query at all).
    with django_assert_num_queries(1):
        second = fetch(client, "/impressum/")
    assert second["X-Cache"] == "hit"
    assert second.content == first.content


def test_every_public_page_is_cached_and_no_cached_response_sets_a_cookie(demo_content, client):
    uncached = {}
    for path in sitemap_paths(client):
        fetch(client, path)
        again = fetch(client, path)
        if again.get("X-Cache") != "hit":
            uncached[path] = again.get("X-Cache")
        assert not again.cookies, f"{path} setzt ein Cookie: {again.cookies}"
        assert "Set-Cookie" not in again
    assert uncached == {}


def test_head_is_answered_from_the_cached_get(demo_content, client):
    fetch(client, "/datenschutz/")
    response = client.head("/datenschutz/")
    assert response.status_code == 200
    assert response["X-Cache"] == "hit"


def test_logged_in_editor_never_gets_or_fills_the_cache(demo_content, client, admin_user):
    fetch(client, "/")  # an anonymous copy is in the cache now
    client.force_login(admin_user)
    for _ in range(2):
        response = fetch(client, "/")
        assert "X-Cache" not in response
        assert "private" in response["Cache-Control"]
    client.logout()
    client.cookies.clear()
    anonymous = fetch(client, "/")
    assert anonymous["X-Cache"] == "hit"
    assert b"wagtail-userbar" not in anonymous.content  # the editor's page did not leak into the cache


@pytest.mark.parametrize("cookie", ["sessionid", "csrftoken", "irgendwas"])
def test_a_request_with_any_cookie_is_rendered_fresh(demo_content, client, cookie):
    fetch(client, "/impressum/")
    client.cookies[cookie] = "x"
    for _ in range(2):
        assert "X-Cache" not in fetch(client, "/impressum/")


def test_post_is_never_answered_from_or_stored_in_the_cache(demo_content, client):
    fetch(client, "/impressum/")
    response = client.post("/impressum/", {"name": "x"})
    assert "X-Cache" not in response
    with mock.patch.object(StandardPage, "serve", side_effect=AssertionError("must not render")):
        assert fetch(client, "/impressum/")["X-Cache"] == "hit"  # the POST did not replace the cached GET


def test_admin_is_never_cached(demo_content, client):
    for _ in range(2):
        response = client.get("/admin/login/")
        assert "X-Cache" not in response


def _serve_and(extra):
    original = StandardPage.serve

    def serve(self, request, *args, **kwargs):
        response = original(self, request, *args, **kwargs)
        extra(request, response)
        return response

    return serve


@pytest.mark.parametrize(
    "extra",
    [
        pytest.param(lambda request, response: response.set_cookie("besucher", "1"), id="set-cookie"),
        pytest.param(lambda request, response: get_token(request), id="csrf-token-in-form"),
        pytest.param(lambda request, response: str(request.csp_nonce), id="csp-nonce"),
        pytest.param(lambda request, response: response.__setitem__("Cache-Control", "private"), id="private"),
    ],
)
def test_responses_for_one_visitor_only_are_not_cached(demo_content, client, extra):
    with mock.patch.object(StandardPage, "serve", _serve_and(extra)):
        for _ in range(2):
            assert "X-Cache" not in fetch(client, "/impressum/")


def test_cache_varies_by_accept_encoding(demo_content, client):
    zipped = fetch(client, "/", HTTP_ACCEPT_ENCODING="gzip")
    plain = fetch(client, "/")
    assert zipped["Content-Encoding"] == "gzip"
    assert "Content-Encoding" not in plain
    assert gzip.decompress(zipped.content) == plain.content
    assert fetch(client, "/")["X-Cache"] == "hit"
    assert fetch(client, "/", HTTP_ACCEPT_ENCODING="gzip")["Content-Encoding"] == "gzip"


# --- invalidation -----------------------------------------------------------------------------------


def warm(client, *paths):
    for path in paths:
        fetch(client, path)
        assert fetch(client, path)["X-Cache"] == "hit"


def test_publishing_a_page_shows_the_change_everywhere_at_once(demo_content, client):
    warm(client, "/", "/impressum/", "/datenschutz/")
    page = StandardPage.objects.get(slug="impressum")
    page.title = "Impressum (neu)"
    page.save_revision().publish()
    assert b"Impressum (neu)" in fetch(client, "/impressum/").content
    # Footer links on every other page show the new title too: they were invalidated together.
    assert fetch(client, "/datenschutz/")["X-Cache"] == "miss"


def test_unpublishing_a_page_removes_it_from_the_cache(demo_content, client):
    warm(client, "/impressum/")
    page = StandardPage.objects.get(slug="impressum")
    page.unpublish()
    assert client.get("/impressum/").status_code == 404


def test_moving_a_page_invalidates_old_and_new_place(demo_content, client):
    page = StandardPage.objects.get(slug="datenschutz")
    target = StandardPage.objects.get(slug="impressum")
    warm(client, "/datenschutz/", "/impressum/")
    page.move(target, pos="last-child")
    moved = client.get("/datenschutz/")
    assert (moved.status_code, moved["Location"]) == (301, "/impressum/datenschutz/")  # Wagtail's own redirect
    assert fetch(client, "/impressum/datenschutz/")["X-Cache"] == "miss"


def test_deleting_a_page_invalidates_it(demo_content, client):
    warm(client, "/impressum/")
    Page.objects.get(slug="impressum").delete()
    assert client.get("/impressum/").status_code == 404


def test_editing_a_setting_shows_on_the_cached_home_page(demo_content, client):
    warm(client, "/")
    emergency = EmergencySettings.objects.get()
    emergency.heading = "Sofort Hilfe holen"
    emergency.save()
    assert b"Sofort Hilfe holen" in fetch(client, "/").content


def test_publishing_a_contact_invalidates_the_pages_that_show_it(demo_content, client):
    from contacts.models import Contact, ContactKind

    contact = Contact.objects.filter(live=True).first()
    if contact is None:
        contact = Contact.objects.create(
            key="teststelle", name="Teststelle", kind=ContactKind.values[0], nationwide=True
        )
    paths = sitemap_paths(client)
    showing = [path for path in paths if contact.name.encode() in fetch(client, path).content]
    warm(client, *paths)
    contact.name = "Umbenannte Beratungsstelle"
    contact.save_revision().publish()
    for path in paths:
        response = fetch(client, path)
        assert response["X-Cache"] == "miss", path
        if path in showing:
            assert b"Umbenannte Beratungsstelle" in response.content, path


def test_one_more_invalidation_after_the_commit_however_many_pages_change(demo_content):
    from django.db import connection

    from core.cache.generation import current_generation, generation_in_database
    from core.cache.invalidation import after_commit

    for page in StandardPage.objects.all():
        page.save_revision().publish()
    pending = [func for _sids, func, _robust in connection.run_on_commit]
    assert pending.count(after_commit) == 1
    before = current_generation()
    after_commit()  # what the commit runs
    if generation_in_database():
        assert current_generation() == before  # the bump commits with the content: nothing more to do
    else:
        # In a shared cache the first bump was visible before the commit: a page rendered from old data
        # meanwhile goes stale as well.
        assert current_generation() > before


def test_rendering_a_page_does_not_invalidate_the_cache(demo_content, client):
    from core.cache import current_generation

    before = current_generation()
    for path in sitemap_paths(client):
        fetch(client, path)
    assert current_generation() == before  # e.g. renditions or search-hit counters made on the way


def test_pages_are_served_quickly_without_a_cache_when_redis_is_down(demo_content, client, settings):
    from django.core.cache import caches

    from core.cache import generation as page_cache

    settings.CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens there
            "OPTIONS": {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 0.2, "SOCKET_TIMEOUT": 0.2},
        }
    }
    calls = []
    real_get = caches["default"].__class__.get

    def counting_get(self, *args, **kwargs):
        calls.append(args[0])
        return real_get(self, *args, **kwargs)

    try:
        with mock.patch.object(caches["default"].__class__, "get", counting_get):
            for _ in range(3):
                response = client.get("/")
                assert response.status_code == 200
                assert "X-Cache" not in response
        # Once the cache did not answer, the next pages do not ask it again (each try waits for a timeout).
        assert calls.count(page_cache.GENERATION_KEY) == 2  # the first look and the one after trying to add
    finally:
        page_cache._unreachable_until = 0.0


def test_a_cached_page_carries_the_same_security_headers(demo_content, client):
    first = fetch(client, "/impressum/")
    hit = fetch(client, "/impressum/")
    assert hit["X-Cache"] == "hit"
    for header in ("Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy", "X-Frame-Options"):
        assert hit[header] == first[header], header
    assert "nonce-" not in hit["Content-Security-Policy"]


def test_a_change_purges_every_live_page_from_the_frontend_cache(demo_content, settings):
    from core.cache.invalidation import after_commit

    settings.WAGTAILFRONTENDCACHE = {
        "default": {"BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend", "LOCATION": "http://cdn:6081"}
    }
    with mock.patch("wagtail.contrib.frontend_cache.utils.purge_urls_from_cache") as purge:
        after_commit()  # what runs after the transaction of a publish, a contact or a setting commits
    purged = {url.split("/", 3)[-1] for url in purge.call_args.args[0]}
    assert {"", "impressum/", "datenschutz/", "ueber-uns/"} <= purged
    assert len(purged) == Page.objects.live().public().filter(depth__gt=1).count()


def test_a_search_is_served_from_the_cache_and_still_counted(
    demo_content, client, settings, django_assert_num_queries
):
    from wagtail.contrib.search_promotions.models import Query

    from portal.search_hits import search_hits

    settings.SEARCH_HITS_FLUSH_SECONDS = 3600  # as in production: counts are written in batches
    first = fetch(client, "/suche/?q=Anzeige")
    assert first["X-Cache"] == "miss"
    with django_assert_num_queries(1):  # the content generation, as for every cached page
        second = fetch(client, "/suche/?q=Anzeige")
    assert second["X-Cache"] == "hit"
    assert second.content == first.content
    search_hits.flush()
    assert Query.get("anzeige").hits == 2
    # The proxy or CDN in front must not keep it: searches answered there would never be counted.
    assert "private" in second["Cache-Control"]
    assert "s-maxage" not in second["Cache-Control"]


def test_a_new_editor_promotion_shows_on_a_cached_search(demo_content, client):
    from wagtail.contrib.search_promotions.models import Query, SearchPromotion

    assert "Empfehlung der Redaktion" not in fetch(client, "/suche/?q=Anzeige").content.decode()
    SearchPromotion.objects.create(
        query=Query.get("anzeige"), page=Page.objects.get(slug="impressum"), sort_order=0
    )
    response = fetch(client, "/suche/?q=Anzeige")
    assert response["X-Cache"] == "miss"
    assert "Empfehlung der Redaktion" in response.content.decode()


@pytest.mark.redis
def test_with_redis_a_cached_page_needs_no_query(demo_content, client, settings, django_assert_num_queries):
    import os
    import secrets

    from django.core.cache import cache as default_cache

    settings.CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0"),
            "KEY_PREFIX": f"sia-test-{secrets.token_hex(4)}",
            "OPTIONS": {"IGNORE_EXCEPTIONS": True},
        }
    }
    try:
        assert fetch(client, "/impressum/")["X-Cache"] == "miss"
        with django_assert_num_queries(0):
            assert fetch(client, "/impressum/")["X-Cache"] == "hit"
    finally:
        default_cache.clear()


def test_made_up_query_strings_cannot_fill_the_cache(demo_content, client, settings):
    settings.PAGE_CACHE_MAX_VARIANTS = 3
    for n in range(6):
        fetch(client, f"/impressum/?x={n}")
    stored = [n for n in range(6) if fetch(client, f"/impressum/?x={n}").get("X-Cache") == "hit"]
    assert stored == [0, 1, 2]  # the rest were rendered for the flood, not kept
    # The page everyone reads, without a query string, is still stored, and so are other paths' variants.
    fetch(client, "/impressum/")
    assert fetch(client, "/impressum/")["X-Cache"] == "hit"
    fetch(client, "/datenschutz/?x=9")
    assert fetch(client, "/datenschutz/?x=9")["X-Cache"] == "hit"
