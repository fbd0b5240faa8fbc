from django import template
from wagtail.models import Site

register = template.Library()


@register.simple_tag(takes_context=True)
def userbar_allowed(context) -> bool:
    """The Wagtail userbar (edit links into the admin) only for a session that has passed the second factor."""
    from core.security import two_factor_pending

    request = context.get("request")
    return request is not None and not two_factor_pending(request)


def _site_root(context):
    request = context.get("request")
    cache = context.render_context
    if "site_root" not in cache:
        site = Site.find_for_request(request) if request else None
        cache["site_root"] = site.root_page.specific_deferred if site else None
    return cache["site_root"]


# The icon of each main section, by the first segment of its path (the addresses are fixed, see issue 16).
SECTION_ICONS = {
    "hilfe-finden": "lotse",
    "rat-und-tat": "ratgeber",
    "hilfe-in-ihrem-bundesland": "land",
    "magazin": "magazin",
    "aktuelles": "aktuelles",
    "ueber-uns": "ueber-uns",
}


@register.filter
def section_icon(url):
    """The icon name for a section's URL ("/rat-und-tat/" → "ratgeber"), "" for other pages."""
    segments = [part for part in str(url or "").split("/") if part]
    # Absolute URLs ("http://host/rat-und-tat/") have the host in front.
    return next((SECTION_ICONS[part] for part in segments if part in SECTION_ICONS), "")


@register.inclusion_tag("navigation/main_menu.html", takes_context=True)
def main_menu(context, variant="header"):
    """The header navigation: the home page's live children marked "in menus", in tree order.

    `variant` "header" (wide screens), "menu" (the phone's menu button) or "footer": the same labels
    everywhere, each with its own landmark label.

    The same on every page: from the root's children, fetched once per content change (portal.site_pages).
    """
    from portal.site_pages import root_children

    request = context.get("request")
    current_path = getattr(context.get("page"), "path", "")
    items = [
        {"title": child["title"], "url": child["url"], "path": child["path"]}
        for child in root_children(request)
        if child["in_menu"]
    ]
    for item in items:
        # The section the visitor is in is highlighted, not only its index page.
        item["is_active"] = bool(current_path) and current_path.startswith(item["path"])
    return {"items": items, "current_path": current_path, "request": request, "variant": variant}


@register.inclusion_tag("navigation/footer_links.html", takes_context=True)
def footer_links(context):
    """The legal and accessibility links from the navigation settings; unpublished targets are left out."""
    from core.cache import generation_cached

    request = context.get("request")
    if request is None:
        return {"links": []}
    site = Site.find_for_request(request)

    def build():
        from portal.site_pages import linked_pages, site_settings

        chosen = [
            (item["value"].get("page"), item["value"].get("title"))
            for item in site_settings(request, site)["navigation"].footer_links.raw_data
        ]
        pages = linked_pages(request, [page_id for page_id, _title in chosen])
        return [
            {"url": pages[pk]["url"], "title": title or pages[pk]["title"]} for pk, title in chosen if pk in pages
        ]

    return {"links": generation_cached(f"footer-links:{site.pk if site else 0}", build)}


@register.simple_tag
def breadcrumb_ancestors(page):
    """The page's ancestors below the tree root; no query when the routing has fetched them already."""
    ancestors = getattr(page, "route_ancestors", None)
    return ancestors if ancestors is not None else list(page.get_ancestors()[1:])


@register.simple_tag(takes_context=True)
def site_root_url(context):
    root = _site_root(context)
    return root.url if root is not None else "/"


def emergency_numbers(emergency, request) -> list[dict]:
    """The box's numbers as {label, number, note, url}; `url` only for a live, public page ("Mehr dazu"
    must not lead to a page that is gone). Read from the stored data, without the stream's own page query."""
    from portal.site_pages import linked_pages

    values = [dict(item["value"]) for item in emergency.numbers.raw_data]
    pages = linked_pages(request, [value.get("page") for value in values])
    return [
        {
            "label": value.get("label", ""),
            "number": value.get("number", ""),
            "note": value.get("note", ""),
            "url": pages.get(value.get("page"), {}).get("url"),
        }
        for value in values
    ]


EMERGENCY_TEMPLATES = {"box": "components/emergency_box.html", "footer": "components/emergency_footer.html"}


@register.simple_tag(takes_context=True)
def emergency_box(context, variant="box"):
    """The emergency box from the site settings, rendered once per content change instead of per page.

    `variant` "footer": the same numbers as a compact list at the foot of every page (#notrufe)."""
    from django.template.loader import render_to_string
    from django.utils.safestring import mark_safe

    from core.cache import generation_cached

    request = context.get("request")
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        return ""

    def build():
        # Both variants from one fetch of the settings: most pages show both.
        from portal.site_pages import site_settings

        emergency = site_settings(request, site)["emergency"]
        values = {"emergency": emergency, "numbers": emergency_numbers(emergency, request)}
        return {
            name: render_to_string(template, values, request=request)
            for name, template in EMERGENCY_TEMPLATES.items()
        }

    html = generation_cached(f"emergency:{site.pk}", build)
    return mark_safe(html["footer" if variant == "footer" else "box"])  # noqa: S308 (our own templates)


@register.inclusion_tag("components/partner_bar.html", takes_context=True)
def partner_bar(context, heading_level=2, where="fuss"):
    """The organisations behind the portal: logo where one was uploaded, the name as text otherwise."""
    from core.cache import generation_cached

    request = context.get("request")
    if request is None:
        return {"partners": []}
    site = Site.find_for_request(request)
    if site is None:
        return {"partners": []}

    def build():
        from django.template.loader import render_to_string

        from portal.site_pages import shown_partner_pages

        return [
            {
                "title": page.title,
                "url": page.get_url(request),
                "logo": render_to_string("components/partner_logo.html", {"logo": page.logo}) if page.logo else "",
            }
            for page in shown_partner_pages(site)
        ]

    partners = generation_cached(f"partner-bar:{site.pk}", build)
    return {"partners": partners, "heading_level": heading_level, "where": where}


@register.simple_tag(takes_context=True)
def figures_page(context):
    """The live "Zahlen und Fakten" page of this site, for the link from the home page's key figure."""
    from portal.models import FiguresPage

    root = _site_root(context)
    if root is None:
        return None
    return FiguresPage.objects.live().public().descendant_of(root).first()


class SitewideCacheNode(template.Node):
    def __init__(self, nodelist, name):
        self.nodelist, self.name = nodelist, name

    def render(self, context):
        from core.cache import generation_cached

        return generation_cached(f"fragment:{self.name.resolve(context)}", lambda: self.nodelist.render(context))


@register.tag
def sitewide_cache(parser, token):
    """`{% sitewide_cache "name" %}…{% endsitewide_cache %}`: HTML that is the same on every page (e.g. the
    latest articles), rendered once per content change. Nothing inside may depend on the request."""
    bits = token.split_contents()
    if len(bits) != 2:
        raise template.TemplateSyntaxError("sitewide_cache braucht genau einen Namen")
    nodelist = parser.parse(("endsitewide_cache",))
    parser.delete_first_token()
    return SitewideCacheNode(nodelist, parser.compile_filter(bits[1]))
