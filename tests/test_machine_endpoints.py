"""Sitemap, robots.txt, health check and the error pages that must work without a database."""

from unittest import mock
from xml.etree import ElementTree

import pytest
from django.db import OperationalError
from django.test import override_settings

SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@pytest.mark.django_db
def test_sitemap_lists_live_pages(demo_content, client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    locs = [el.text for el in ElementTree.fromstring(response.content).iter(f"{SITEMAP_NS}loc")]
    paths = {loc.split("://", 1)[1].split("/", 1)[1] for loc in locs}
    assert {"", "ueber-uns/", "impressum/", "datenschutz/"} <= {"/" + p if p else "" for p in paths} | paths


@pytest.mark.django_db
def test_robots_txt_points_at_sitemap_and_keeps_admin_out(client):
    body = client.get("/robots.txt").content.decode()
    assert "Disallow: /admin/" in body
    assert "Sitemap: http://testserver/sitemap.xml" in body


@pytest.mark.django_db
def test_healthz_is_200_when_the_database_answers(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content == b"ok\n"


@pytest.mark.django_db
def test_healthz_is_503_when_the_database_is_gone(client):
    with mock.patch("django.db.backends.base.base.BaseDatabaseWrapper.ensure_connection",
                    side_effect=OperationalError("connection refused")):
        response = client.get("/healthz")
    assert response.status_code == 503


def test_404_page_needs_no_database():
    # No django_db mark: pytest-django blocks the database, so any query would fail this test.
    with override_settings(DEBUG=False):
        from core.views import page_not_found

        response = page_not_found(None)
    assert response.status_code == 404
    assert "Diese Seite gibt es nicht" in response.content.decode()
    assert 'lang="de"' in response.content.decode()


def test_500_page_needs_no_database():
    from core.views import server_error

    response = server_error(None)
    assert response.status_code == 500
    assert "technischen Fehlers" in response.content.decode()


@pytest.mark.django_db
def test_unknown_url_gets_the_german_404(client, home_page):
    response = client.get("/gibt-es-nicht/")
    assert response.status_code == 404
    assert "Diese Seite gibt es nicht" in response.content.decode()


@pytest.mark.django_db
def test_database_outage_on_a_page_gives_static_503(client, home_page):
    from portal.models import HomePage

    with mock.patch.object(HomePage, "serve", side_effect=OperationalError("server closed the connection")):
        response = client.get("/")
    assert response.status_code == 503
    assert response["Retry-After"]
    assert "vorübergehend nicht verfügbar" in response.content.decode()
