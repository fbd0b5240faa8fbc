"""Every patch of Wagtail internals, in one place, each with an equivalence test (core/tests/test_patches.py).

Each patch gives Wagtail's own answer and saves queries by keeping data per content generation
(`core.cache.generation_cached`), which every relevant change bumps (see `core.cache.invalidation`):

- `PageQuerySet.private_q` and `Page.get_view_restrictions`: the list of restricted sections, instead of a
  query for all view restrictions on every `.public()` and every page view.
- `Site.find_for_request` and `Site.get_site_root_paths`: the site of a host and the root paths, instead of a
  query (or a cache round trip) on every request.

- `BaseChooser.render` (image, page, snippet and document choosers) writes its initialising `<script>` in
  Python, not in a template; it gets the request's CSP nonce like the templates do
  (core/template_loaders.py), so the admin policy needs no 'unsafe-inline' for scripts.

- The Sites list's columns "site_name" and "root_page" have no label, so Wagtail shows the English field
  names ("Site name", "Root page"); they get the fields' translated verbose names (tests/test_admin_german.py).

`apply()` runs once from `CoreConfig.ready()`; `WAGTAIL` keeps Wagtail's originals for the tests.
"""

from django.core.exceptions import DisallowedHost
from django.db.models import Q
from django.utils.html import escape
from django.utils.safestring import mark_safe
from wagtail.admin.widgets.chooser import BaseChooser
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.query import PageQuerySet

from core.cache import generation_cached

WAGTAIL = {
    "private_q": PageQuerySet.private_q,
    "get_view_restrictions": Page.get_view_restrictions,
    "find_for_request": Site.find_for_request,
    "get_site_root_paths": Site.get_site_root_paths,
    "chooser_render": BaseChooser.render,
}


class _Restricted:
    """What PageQuerySet.descendant_of_q needs of a restricted page."""

    def __init__(self, path: str, depth: int):
        self.path, self.depth = path, depth


def restricted_sections() -> list[tuple[str, int]]:
    return generation_cached(
        "restricted-sections",
        lambda: sorted(set(PageViewRestriction.objects.values_list("page__path", "page__depth"))),
    )


def private_q(self):
    """Wagtail's PageQuerySet.private_q, with the list of restricted sections kept per generation.

    View restrictions and page moves bump the generation (see `WATCHED_MODELS` and the move signal).
    """
    q = Q()
    for path, depth in restricted_sections():
        q |= self.descendant_of_q(_Restricted(path, depth), inclusive=True)
    return q if q else Q(pk__in=[])


def get_view_restrictions(self):
    """Wagtail's Page.get_view_restrictions, without its query while the site has no private section."""
    if not restricted_sections():
        return PageViewRestriction.objects.none()
    return WAGTAIL["get_view_restrictions"](self)


def _find_site(request):
    site = Site._find_for_request(request)
    if site is not None:
        # Wagtail's routing asks for the specific root on every request. Deferred: routing to any other page
        # needs only its class, and the home page loads its own fields when it is the page (core.routing).
        site.root_page = site.root_page.specific_deferred
    return site


def find_for_request(request):
    """Wagtail's Site.find_for_request, kept per generation and host.

    Lazy, like Wagtail's own: requests that never ask for the site (robots.txt, the health check) never
    touch the database. A host that ALLOWED_HOSTS refuses never becomes part of a cache key; it gets
    Wagtail's uncached lookup.
    """
    if request is None:
        return None
    if not hasattr(request, "_wagtail_site"):
        try:
            key = f"site:{request.get_host()}:{request.get_port()}"
        except DisallowedHost:
            request._wagtail_site = Site._find_for_request(request)
        else:
            request._wagtail_site = generation_cached(key, lambda: _find_site(request))
    return request._wagtail_site


def get_site_root_paths():
    """Wagtail's Site.get_site_root_paths, kept per generation instead of a round trip to the default cache.

    Site changes, page saves and moves bump the generation, as they clear Wagtail's own copy."""
    return generation_cached("site-root-paths", WAGTAIL["get_site_root_paths"])


def label_site_columns() -> None:
    from django.utils.text import capfirst
    from wagtail.sites.views import IndexView

    for column in IndexView.columns:
        if column.name in {"site_name", "root_page"}:
            column.label = capfirst(Site._meta.get_field(column.name).verbose_name)


def chooser_render(self, name, value, attrs=None, renderer=None):
    from core.templatetags.csp_nonce import csp_nonce

    html = str(WAGTAIL["chooser_render"](self, name, value, attrs, renderer))
    at = html.rfind("<script>")
    if at < 0:
        return mark_safe(html)  # noqa: S308 (Wagtail's own output)
    nonced = f'<script nonce="{escape(csp_nonce())}">'
    return mark_safe(html[:at] + nonced + html[at + len("<script>") :])  # noqa: S308 (Wagtail's own output)


def apply() -> None:
    label_site_columns()
    BaseChooser.render = chooser_render
    PageQuerySet.private_q = private_q
    Page.get_view_restrictions = get_view_restrictions
    Site.find_for_request = staticmethod(find_for_request)
    Site.get_site_root_paths = staticmethod(get_site_root_paths)
