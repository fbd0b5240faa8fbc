from django import template

register = template.Library()


@register.inclusion_tag("magazine/includes/latest_articles.html", takes_context=True)
def latest_articles(context, count: int = 3):
    """The newest live articles for the home page, with the link to the whole magazine."""
    from magazine.models import MagazineIndexPage

    index = MagazineIndexPage.objects.live().public().first()
    articles = list(index.articles()[:count]) if index else []
    return {"index": index, "articles": articles, "request": context.get("request")}
