"""Faults: the database or Redis gone, two editors on one page, a publish that fails half-way."""

from unittest import mock

import pytest
from django.conf import settings
from django.core.cache import caches
from django.db import OperationalError
from django.test import override_settings
from wagtail.models import Page, Revision
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from portal.models import StandardPage

PASSWORD = "Ein-langes-Passwort-2026"


def clear_caches():
    for cache in caches.all():
        cache.clear()


def database_gone():
    """Every new query fails the way a closed port or a dead server makes it fail."""
    return mock.patch(
        "django.db.backends.base.base.BaseDatabaseWrapper.ensure_connection",
        side_effect=OperationalError('connection to server at "127.0.0.1", port 1 failed: Connection refused'),
    )


def assert_static_503(response, path):
    assert response.status_code == 503, path
    assert response["Retry-After"] == "60"
    body = response.content.decode()
    assert "vorübergehend nicht verfügbar" in body
    assert 'lang="de"' in body
    assert "Traceback" not in body


@pytest.mark.django_db
def test_database_outage_gives_static_503_on_every_public_url(client, public_paths):
    clear_caches()  # a cached page may legitimately still be served; here every request must reach Django
    client.raise_request_exception = False
    with database_gone():
        for path in public_paths:
            assert_static_503(client.get(path), path)
        assert client.get("/healthz").status_code == 503


@pytest.mark.django_db
def test_database_outage_for_a_signed_in_editor_and_on_post(superuser_client, public_paths):
    superuser_client.raise_request_exception = False
    clear_caches()
    with database_gone():
        # The session is read in a middleware, before any view runs: still the 503 page, not a 500.
        assert_static_503(superuser_client.get("/admin/"), "/admin/")
        assert_static_503(superuser_client.get(public_paths[-1]), public_paths[-1])
        response = superuser_client.post("/admin/login/", {"username": "chefin", "password": PASSWORD})
        assert_static_503(response, "login")


# --- Redis down --------------------------------------------------------------------------------------


def redis_down_caches() -> dict:
    """Every configured cache alias as the fail-safe Redis cache pointing at a closed port."""
    return {
        alias: {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/8",
            "KEY_PREFIX": alias,
            "OPTIONS": {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 1, "SOCKET_TIMEOUT": 1},
        }
        for alias in settings.CACHES
    }


@pytest.mark.django_db
def test_pages_and_login_work_while_redis_is_down(client, public_paths, superuser):
    with override_settings(CACHES=redis_down_caches()):
        assert caches["default"].get("anything") is None
        for path in public_paths:
            assert client.get(path).status_code == 200, path
        response = client.post("/admin/login/", {"username": "chefin", "password": PASSWORD})
        assert response.status_code == 302
        assert client.get("/admin/").status_code == 200


def test_fail_safe_cache_turns_errors_into_misses():
    with override_settings(CACHES=redis_down_caches()):
        cache = caches["default"]
        cache.set("k", "v")
        assert cache.get("k", "default") == "default"
        assert not cache.add("k", "v")  # callers that use add() as a lock do not proceed twice
        assert cache.incr("rate:1.2.3.4") is None
        assert cache.get_many(["a", "b"]) == {}
        assert not cache.delete("k")


def test_form_rate_limit_fails_open_while_redis_is_down(rf):
    from portal.models.forms import rate_limit_exceeded

    request = rf.post("/feedback/")
    with override_settings(CACHES=redis_down_caches()):
        assert not any(rate_limit_exceeded(request, "feedback") for _ in range(20))


# --- two editors, failed publish ---------------------------------------------------------------------


@pytest.fixture
def article(home_page):
    page = home_page.add_child(
        instance=StandardPage(title="Ursprung", slug="gemeinsam", body=[("paragraph", rich_text("<p>alt</p>"))])
    )
    page.save_revision().publish()
    return page


def edit_data(page, title: str, **extra) -> dict:
    revision = page.get_latest_revision()
    return nested_form_data(
        {
            "title": title,
            "slug": page.slug,
            "body": streamfield([("paragraph", rich_text(f"<p>{title}</p>"))]),
            "loaded_revision_id": revision.pk,
            "loaded_revision_created_at": revision.created_at.isoformat(),
            **extra,
        }
    )


@pytest.fixture
def two_editors(client, superuser, django_user_model):
    from django.test import Client

    second = django_user_model.objects.create_superuser("zweite", "zweite@example.org", PASSWORD)
    other = Client()
    client.force_login(superuser)
    other.force_login(second)
    return client, other


@pytest.mark.django_db
def test_second_editor_is_warned_and_no_revision_is_lost(two_editors, article):
    first, second = two_editors
    stale = edit_data(article, "Fassung der Zweiten")  # the second editor loaded the page now
    session_url = f"/admin/editing-sessions/ping/wagtailcore/page/{article.pk}/"
    first_session = first.post(session_url + "0/", {"revision_id": article.latest_revision_id}).json()
    assert first.post(f"/admin/pages/{article.pk}/edit/", edit_data(article, "Fassung der Ersten")).status_code == 302
    # The second editor's browser pings: it is told that someone saved a newer revision.
    ping = second.post(session_url + "0/", {"revision_id": stale["loaded_revision_id"]})
    assert first_session is not None and ping.status_code == 200
    others = ping.json()["other_sessions"]
    assert any(session["revision_id"] for session in others), others
    # Autosave of the stale form is refused outright ...
    autosave = second.post(f"/admin/pages/{article.pk}/edit/", stale, HTTP_ACCEPT="application/json")
    assert autosave.status_code == 400 and autosave.json()["error_code"] == "invalid_revision"
    # ... and a deliberate save adds a revision on top: both versions stay in the history.
    assert second.post(f"/admin/pages/{article.pk}/edit/", stale).status_code == 302
    titles = [r.content["title"] for r in Revision.page_revisions.filter(object_id=str(article.pk))]
    assert "Fassung der Ersten" in titles and "Fassung der Zweiten" in titles


@pytest.mark.django_db
def test_locked_page_cannot_be_saved_by_someone_else(two_editors, article):
    first, second = two_editors
    assert first.post(f"/admin/pages/{article.pk}/lock/").status_code == 302
    revisions = Revision.page_revisions.filter(object_id=str(article.pk)).count()
    second.post(f"/admin/pages/{article.pk}/edit/", edit_data(article, "Übergangen"))
    article.refresh_from_db()
    assert article.locked and article.title == "Ursprung"
    assert Revision.page_revisions.filter(object_id=str(article.pk)).count() == revisions


@pytest.mark.django_db
def test_failed_publish_leaves_the_live_page_intact(two_editors, article):
    from wagtail.signals import page_published

    first, _ = two_editors
    first.raise_request_exception = False
    live_revision = Page.objects.get(pk=article.pk).live_revision_id
    revisions = Revision.objects.count()

    def explode(**kwargs):
        raise RuntimeError("search index or cache purge failed half-way")

    page_published.connect(explode)
    try:
        response = first.post(f"/admin/pages/{article.pk}/edit/", edit_data(article, "Halb", **{"action-publish": "1"}))
    finally:
        page_published.disconnect(explode)
    assert response.status_code == 500
    article = Page.objects.get(pk=article.pk).specific
    assert article.title == "Ursprung" and article.live_revision_id == live_revision
    assert Revision.objects.count() == revisions


@pytest.mark.django_db
def test_invalid_publish_keeps_the_live_page(two_editors, article):
    first, _ = two_editors
    response = first.post(f"/admin/pages/{article.pk}/edit/", edit_data(article, "", **{"action-publish": "1"}))
    assert response.status_code == 200  # the form again, with the error
    article.refresh_from_db()
    assert article.title == "Ursprung" and article.live
