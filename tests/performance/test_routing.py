"""The home page's one-query routing finds exactly what Wagtail's level-by-level routing finds."""

import pytest
from django.http import Http404
from django.test import RequestFactory
from wagtail.models import Page

from bench.targets import sitemap_paths
from core.routing import FastRouteMixin

pytestmark = pytest.mark.django_db


def both_routes(home, path):
    request = RequestFactory().get(path)
    components = [part for part in path.split("/") if part]
    results = []
    for route in (home.route, super(FastRouteMixin, home).route):  # ours, then Wagtail's own
        try:
            page, args, kwargs = route(request, components)
            results.append((page.pk, type(page), len(args), sorted(kwargs)))
        except Http404:
            results.append("404")
    return results


def test_every_public_path_routes_to_the_same_page(demo_content, client):
    paths = [path for path in sitemap_paths(client) if "?" not in path]
    paths += ["/gibt-es-nicht/", "/impressum/gibt-es-nicht/", "/rat-und-tat/x/y/z/"]
    differing = {}
    for path in paths:
        ours, wagtails = both_routes(demo_content, path)
        if ours != wagtails:
            differing[path] = (ours, wagtails)
    assert differing == {}


def test_unpublished_page_is_not_found_but_its_published_children_are(demo_content, client):
    parent = Page.objects.live().filter(depth=3, numchild__gt=0).first().specific
    child = parent.get_children().live().first()
    parent.unpublish()
    assert both_routes(demo_content, parent.url_path.removeprefix(demo_content.url_path[:-1])) == ["404", "404"]
    ours, wagtails = both_routes(demo_content, child.url_path.removeprefix(demo_content.url_path[:-1]))
    assert ours == wagtails != "404"


def test_breadcrumbs_need_no_query_for_the_ancestors(demo_content, client):
    page = Page.objects.live().filter(depth=4).first()
    path = page.url_path.removeprefix(demo_content.url_path[:-1])
    response = client.get(path)
    assert response.status_code == 200
    assert response.context["page"].route_ancestors[0].pk == demo_content.pk
    html = response.content.decode()
    assert 'aria-label="Sie sind hier"' in html and page.get_parent().title in html


def test_the_site_is_looked_up_once_per_content_change(demo_content, client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from wagtail.models import Site

    client.get("/impressum/")
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/impressum/").status_code == 200
    assert not [q for q in queries if "wagtailcore_site" in q["sql"]]

    # An administrator points the site at another root page: the very next request follows it.
    site = Site.objects.get(is_default_site=True)
    site.root_page = Page.objects.get(slug="impressum")
    site.save()
    assert client.get("/datenschutz/").status_code == 404


def test_page_urls_need_no_cache_round_trip_and_follow_a_site_change_at_once(demo_content, client):
    from unittest import mock

    from wagtail.models import Site

    page = Page.objects.get(slug="impressum")
    client.get("/impressum/")
    # Wagtail keeps the site root paths in the shared cache; each process keeps them by generation.
    with mock.patch("wagtail.models.sites.cache") as shared_cache:
        assert client.get("/impressum/", HTTP_COOKIE="sitzung=1").status_code == 200
        assert page.get_url() == "/impressum/"
    shared_cache.get.assert_not_called()

    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = "stark-im-amt.example", 443
    site.save()
    assert Page.objects.get(slug="impressum").get_full_url() == "https://stark-im-amt.example/impressum/"
