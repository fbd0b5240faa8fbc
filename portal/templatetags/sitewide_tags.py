from django import template

register = template.Library()

ACCESS_SLUGS = [("leichte-sprache", "Leichte Sprache"), ("gebaerdensprache", "Gebärdensprache")]


@register.inclusion_tag("components/access_links_list.html", takes_context=True)
def access_links(context):
    """Links to the easy-language and sign-language pages below the site root, if they are published."""
    from portal.site_pages import root_children

    by_slug = {child["slug"]: child for child in root_children(context.get("request"))}
    links = [
        {"url": by_slug[slug]["url"], "label": label, "slug": slug} for slug, label in ACCESS_SLUGS if slug in by_slug
    ]
    return {"links": links}
