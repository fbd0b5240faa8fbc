"""The site root's published children, fetched once per content generation for everything that lists them.

The main menu, the access links (easy and sign language), the footer links and the home page's latest
articles each used to run a query of their own for pages right below the root whenever the content
changed. Now one query serves them all; the first render after a change costs that many fewer.
"""

from wagtail.models import Page, Site

from core.cache import generation_cached

FIELDS = ("id", "title", "slug", "url_path", "path", "depth", "show_in_menus", "content_type_id", "locale_id")


def root_children(request) -> list[dict]:
    """[{id, title, slug, url, path, in_menu, content_type_id}] of the live, public children of the
    request's site root, in tree order; [] without a site."""
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        return []
    root = site.root_page

    def build():
        pages = Page.objects.child_of(root).live().public().only(*FIELDS).order_by("path")
        return [
            {
                "id": page.pk,
                "title": page.title,
                "slug": page.slug,
                "url": page.get_url(request),
                "path": page.path,
                "in_menu": page.show_in_menus,
                "content_type_id": page.content_type_id,
            }
            for page in pages
        ]

    return generation_cached(f"root-children:{root.pk}", build)


def partner_pages() -> list:
    """Every partner page (live or not), in tree order, with its logo: fetched once per content generation.

    The partner bar at the foot of every page and the responsible partner's name on magazine pages both
    read it, so the first render after a change costs one query for them instead of two."""
    from portal.models import PartnerPage

    return generation_cached(
        "partner-pages", lambda: list(PartnerPage.objects.select_related("logo").order_by("path"))
    )


def shown_partner_pages(site) -> list:
    """The live, public partner pages below the site's root, as `PartnerPage.objects.live().public()
    .descendant_of(root)` would give them."""
    from core.patches import restricted_sections

    restricted = [path for path, _depth in restricted_sections()]
    root = site.root_page
    return [
        page
        for page in partner_pages()
        if page.live
        and page.path.startswith(root.path)
        and page.depth > root.depth
        and not any(page.path.startswith(path) for path in restricted)
    ]


def site_settings(request, site) -> dict:
    """{"emergency": EmergencySettings, "navigation": NavigationSettings} of the site, fetched together.

    Both are read only when the emergency box and the footer links are built again after a change; one
    query with both joined to the site instead of one each. Kept on the request, so both builds share it."""
    from portal.models import EmergencySettings, NavigationSettings

    known = getattr(request, "_portal_site_settings", None)
    if known is not None and known[0] == site.pk:
        return known[1]
    row = Site.objects.select_related("emergencysettings", "navigationsettings").get(pk=site.pk)
    found = {}
    for name, model, attribute in (
        ("emergency", EmergencySettings, "emergencysettings"),
        ("navigation", NavigationSettings, "navigationsettings"),
    ):
        try:
            found[name] = getattr(row, attribute)
        except model.DoesNotExist:  # a new site: the row is made with its defaults, as Wagtail does
            found[name] = model.for_site(site)
    if request is not None:
        request._portal_site_settings = (site.pk, found)
    return found


def linked_pages(request, ids) -> dict[int, dict]:
    """{id: {url, title}} of the chosen pages that are live and public; others are left out.

    For links chosen in settings (emergency box, footer): they mostly point right below the root, which
    `root_children` has fetched already, so only the rest costs a query."""
    wanted = set(ids) - {None}
    found = {child["id"]: child for child in root_children(request) if child["id"] in wanted}
    if wanted - set(found):
        for page in Page.objects.live().public().filter(pk__in=wanted - set(found)).only("id", "title", "url_path"):
            found[page.pk] = {"url": page.get_url(request), "title": page.title}
    return {pk: {"url": page["url"], "title": page["title"]} for pk, page in found.items()}


def partner_titles() -> dict[int, str]:
    """{id: title} of every partner page, derived from `partner_pages` once per generation: magazine cards
    ask for it per card, and a small map is cheaper to hand out than the pages with their bodies."""
    return generation_cached("partner-titles", lambda: {page.pk: page.title for page in partner_pages()})
