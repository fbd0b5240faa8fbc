from django import template

register = template.Library()


@register.inclusion_tag("magazine/includes/latest_articles.html", takes_context=True)
def latest_articles(context, count: int = 3):
    """The newest live articles for the home page, with the link to the whole magazine.

    The magazine index is a child of the site root, which the menu has fetched already (portal.site_pages);
    cards show no tags, so none are fetched."""
    from django.contrib.contenttypes.models import ContentType

    from magazine.models import ArticlePage, MagazineIndexPage
    from magazine.models.articles import article_listing
    from portal.site_pages import root_children

    request = context.get("request")
    index_type = ContentType.objects.get_for_model(MagazineIndexPage).pk  # Django keeps content types in memory
    index = next((child for child in root_children(request) if child["content_type_id"] == index_type), None)
    articles = []
    if index is not None:
        articles = list(article_listing(ArticlePage.objects.filter(path__startswith=index["path"]), tags=False)[:count])
    return {"index_url": index["url"] if index else "", "articles": articles, "request": request}
