from django import template
from wagtail.models import Page, Site

register = template.Library()

ACCESS_SLUGS = [("leichte-sprache", "Leichte Sprache"), ("gebaerdensprache", "Gebärdensprache")]


@register.inclusion_tag("components/access_links_list.html", takes_context=True)
def access_links(context):
    """Links to the easy-language and sign-language pages below the site root, if they are published."""
    from core.cache import generation_cached

    request = context.get("request")
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        return {"links": []}

    def build():
        pages = {
            page.slug: page
            for page in Page.objects.child_of(site.root_page)
            .live()
            .public()
            .filter(slug__in=[slug for slug, _ in ACCESS_SLUGS])
        }
        return [
            {"url": pages[slug].get_url(request), "label": label, "slug": slug}
            for slug, label in ACCESS_SLUGS
            if slug in pages
        ]

    # The same on every visit until the content changes.
    links = generation_cached(f"access-links:{site.pk}", build)
    return {"links": links}
