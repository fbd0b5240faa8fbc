"""Each patch of Wagtail internals (core/patches.py) gives exactly Wagtail's own answer, also after changes."""

import pytest
from django.test import RequestFactory
from wagtail.models import Page, PageViewRestriction, Site

from core.patches import WAGTAIL

pytestmark = pytest.mark.django_db


@pytest.fixture
def tree():
    root = Page.get_first_root_node()
    pages = {}
    for parent, slug in [(None, "a"), ("a", "a1"), ("a1", "a11"), (None, "b"), ("b", "b1"), ("b", "b2")]:
        pages[slug] = (pages[parent] if parent else root).add_child(instance=Page(title=slug.upper(), slug=slug))
    return pages


def restrict(page) -> None:
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.PASSWORD, password="geheim")


def assert_restrictions_as_wagtail_gives_them() -> None:
    everything = Page.objects.all()
    wagtail_private = set(everything.filter(WAGTAIL["private_q"](everything)).values_list("pk", flat=True))
    assert set(Page.objects.not_public().values_list("pk", flat=True)) == wagtail_private
    assert set(Page.objects.public().values_list("pk", flat=True)) == set(
        everything.exclude(pk__in=wagtail_private).values_list("pk", flat=True)
    )
    for page in Page.objects.all():
        ours = set(page.get_view_restrictions().values_list("pk", flat=True))
        assert ours == set(WAGTAIL["get_view_restrictions"](page).values_list("pk", flat=True)), page.slug


@pytest.mark.parametrize("restricted", [[], ["a"], ["a1"], ["a1", "b"], ["a", "a11", "b2"]])
def test_view_restrictions_match_wagtail(tree, restricted):
    for slug in restricted:
        restrict(tree[slug])
    assert_restrictions_as_wagtail_gives_them()


def test_view_restrictions_follow_changes_and_moves(tree):
    assert_restrictions_as_wagtail_gives_them()  # kept for this generation now
    restrict(tree["b"])
    assert_restrictions_as_wagtail_gives_them()
    tree["b1"].move(tree["a"], pos="last-child")
    assert_restrictions_as_wagtail_gives_them()
    PageViewRestriction.objects.all().delete()
    assert_restrictions_as_wagtail_gives_them()


@pytest.fixture
def sites(tree):
    Site.objects.all().delete()
    return [
        Site.objects.create(hostname="localhost", port=80, root_page=tree["a"], is_default_site=True),
        Site.objects.create(hostname="b.test", port=80, root_page=tree["b"]),
        Site.objects.create(hostname="b.test", port=8080, root_page=tree["b1"]),
    ]


HOSTS = ["localhost", "b.test", "b.test:8080", "b.test:9000", "unbekannt.test", "böse.test"]


def assert_sites_as_wagtail_finds_them() -> None:
    for host in HOSTS:
        ours = find_site(host, patched=True)
        theirs = find_site(host, patched=False)
        assert (ours and ours.pk, ours and ours.root_page_id) == (
            theirs and theirs.pk,
            theirs and theirs.root_page_id,
        ), host
    assert Site.get_site_root_paths() == WAGTAIL["get_site_root_paths"]()


def find_site(host: str, patched: bool):
    request = RequestFactory().get("/", HTTP_HOST=host)
    return (Site.find_for_request if patched else WAGTAIL["find_for_request"])(request)


def test_site_lookup_and_root_paths_match_wagtail(sites, settings):
    settings.ALLOWED_HOSTS = ["localhost", "b.test", "unbekannt.test"]  # "böse.test" is refused
    assert_sites_as_wagtail_finds_them()
    sites[1].root_page = Page.objects.get(slug="b2")
    sites[1].save()
    assert_sites_as_wagtail_finds_them()
    sites[2].delete()
    assert_sites_as_wagtail_finds_them()
    Page.objects.get(slug="b2").move(Page.objects.get(slug="a"), pos="last-child")
    assert_sites_as_wagtail_finds_them()


def test_a_request_keeps_its_site(sites, settings, django_assert_num_queries):
    settings.ALLOWED_HOSTS = ["b.test"]
    request = RequestFactory().get("/", HTTP_HOST="b.test")
    first = Site.find_for_request(request)
    with django_assert_num_queries(0):
        assert Site.find_for_request(request) is first


def test_choosers_render_as_wagtail_does_with_the_requests_nonce_on_their_script(rf):
    from wagtail.admin.widgets import AdminPageChooser
    from wagtail.images.widgets import AdminImageChooser

    from core.security import PortalCSPMiddleware

    request = rf.get("/admin/pages/1/edit/")
    middleware = PortalCSPMiddleware(lambda r: None)
    middleware.process_request(request)
    try:
        for widget in [AdminImageChooser(), AdminPageChooser()]:
            ours = str(widget.render("bild", None, {"id": "id_bild"}))
            wagtails = str(WAGTAIL["chooser_render"](widget, "bild", None, {"id": "id_bild"}))
            assert ours == wagtails.replace("<script>", f'<script nonce="{request.csp_nonce}">')
            assert ours.count("<script") == 1
    finally:
        from django.http import HttpResponse

        middleware.process_response(request, HttpResponse())
    # Without a request (a management command, a test), the script carries an empty nonce.
    assert '<script nonce="">' in str(AdminImageChooser().render("bild", None, {"id": "id_bild"}))
