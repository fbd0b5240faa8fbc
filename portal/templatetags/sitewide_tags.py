from django import template
from wagtail.models import Page, Site

register = template.Library()

ACCESS_SLUGS = [("leichte-sprache", "Leichte Sprache"), ("gebaerdensprache", "Gebärdensprache")]


@register.inclusion_tag("components/access_links_list.html", takes_context=True)
def access_links(context):
    """Links to the easy-language and sign-language pages below the site root, if they are published."""
    request = context.get("request")
    site = Site.find_for_request(request) if request is not None else None
    links = []
    if site is not None:
        pages = {
            page.slug: page
            for page in Page.objects.child_of(site.root_page)
            .live()
            .public()
            .filter(slug__in=[slug for slug, _ in ACCESS_SLUGS])
        }
        for slug, label in ACCESS_SLUGS:
            if slug in pages:
                links.append({"url": pages[slug].get_url(request), "label": label, "slug": slug})
    return {"links": links}
